[ "é" "日本語" "😀" (builtins.stringLength "é") (builtins.stringLength "😀") ]
