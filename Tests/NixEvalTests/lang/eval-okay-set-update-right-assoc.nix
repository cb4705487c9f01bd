let a = { v = 1; }; b = { v = 2; }; c = { v = 3; }; in [ (a // b // c).v ((a // b) // c).v (a // (b // c)).v ]
