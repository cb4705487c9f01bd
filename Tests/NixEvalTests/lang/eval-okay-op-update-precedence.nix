let a = { x = 1; }; b = { y = 2; }; in builtins.attrNames (a // b)
