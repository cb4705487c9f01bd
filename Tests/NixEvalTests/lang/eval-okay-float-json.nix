builtins.toJSON [ 1.0 0.1 1.5e10 (1.0 / 3) 1.0e-7 1.0e21 (-2.5) ]
