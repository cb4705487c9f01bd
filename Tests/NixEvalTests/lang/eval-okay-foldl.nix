with builtins; [ (foldl' (a: b: a + b) 0 [ 1 2 3 ]) (foldl' (a: b: a ++ [ b ]) [ ] [ 1 2 ]) (foldl' (a: b: b) "init" [ ]) (foldl' (acc: x: "(${acc}${x})") "" [ "a" "b" ]) ]
