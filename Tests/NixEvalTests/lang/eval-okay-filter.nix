with builtins; [ (filter (x: x > 1) [ 1 2 3 ]) (filter (x: true) [ ]) (filter (s: s != "") [ "a" "" "b" ]) ]
