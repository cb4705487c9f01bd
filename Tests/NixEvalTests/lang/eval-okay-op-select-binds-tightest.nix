let s = { f = x: x + 1; v = 2; }; in [ (s.f s.v) (-s.v) (s.v * s.v) ]
