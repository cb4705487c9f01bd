{ a = [ 1 2.5 "s" null true ]; b = { c = "d"; }; e = toString ./fixtures; }
