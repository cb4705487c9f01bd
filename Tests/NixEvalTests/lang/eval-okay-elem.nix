with builtins; [ (elem 1 [ 1 2 ]) (elem 3 [ 1 2 ]) (elem "a" [ ]) (elem [ 1 ] [ [ 1 ] ]) (elem 1.0 [ 1 ]) ]
