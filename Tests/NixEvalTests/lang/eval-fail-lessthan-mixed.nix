builtins.lessThan 1 [ 1 ]
