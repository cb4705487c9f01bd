with builtins; [ (map (x: x * 2) [ 1 2 3 ]) (map (x: x) [ ]) (map toString [ 1 "a" ]) ]
