with builtins; [ (add 2 3) (sub 2 3) (mul 4 5) (div 9 2) (div (-9) 2) (add 1.5 1) (mul 2 0.5) (div 1 4.0) ]
