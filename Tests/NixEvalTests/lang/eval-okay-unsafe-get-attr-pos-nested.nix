let s = { a.b = 1; c = { d = 2; }; }; in [ (builtins.unsafeGetAttrPos "a" s) (builtins.unsafeGetAttrPos "d" s.c) ]
