let f = x: x * 2; in [ (- f 3) (f (-3)) (0 - f 3) ]
