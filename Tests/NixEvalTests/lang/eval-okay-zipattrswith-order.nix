builtins.zipAttrsWith (n: vs: vs) [ { b = 1; a = 2; } { a = 3; c = 4; } { b = 5; } ]
