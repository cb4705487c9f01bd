with builtins; [ (lessThan 1 1.5) (lessThan 2.5 2) (lessThan (-1) 0.0) ]
