with builtins; [ (sort (a: b: true) [ 1 2 3 4 5 ]) (sort (a: b: a <= b) [ 3 1 3 2 1 ]) (sort (a: b: false) [ 3 1 2 ]) ]
