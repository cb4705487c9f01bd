with builtins; [ (div 7 2.0) (div (-7.0) 2) (div 0.0 1) ]
