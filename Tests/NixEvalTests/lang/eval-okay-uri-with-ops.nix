[ (http://a.b + "/c") (builtins.stringLength https://x.y/z) ]
