let s = { a = { b = null; }; }; in [ (s ? a) (s ? b) (s ? a.b) (s ? a.b.c) (s ? "a") (s ? ${"a"}) (1 ? a) ]
