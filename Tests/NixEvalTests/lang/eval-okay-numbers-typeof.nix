map builtins.typeOf [ 1 1.0 (1 + 1.0) (2 * 3) (6 / 2.0) ]
