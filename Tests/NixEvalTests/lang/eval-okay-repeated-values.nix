let s = { x = 1; }; l = [ 2 ]; in [ s s l l { inner = s; other = s; } ]
