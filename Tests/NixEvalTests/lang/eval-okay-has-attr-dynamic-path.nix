let s = { a = { b = 1; }; }; k = "b"; in [ (s ? a.${k}) (s ? "a".b) (s ? a."${k}") ]
