with builtins; [ (length [ ]) (length [ 1 2 3 ]) (length [ [ ] [ ] ]) ]
