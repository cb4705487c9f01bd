builtins.partition (x: x / 2 * 2 == x) [ 5 4 3 2 1 0 ]
