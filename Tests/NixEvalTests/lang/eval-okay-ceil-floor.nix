with builtins; [ (ceil 1.5) (floor 1.5) (ceil (-1.5)) (floor (-1.5)) (ceil 2) (floor 2) (ceil 2.0) (typeOf (ceil 1.1)) ]
