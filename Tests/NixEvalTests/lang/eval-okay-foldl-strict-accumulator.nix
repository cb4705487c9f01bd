builtins.foldl' (a: b: if b == 3 then a else a + b) 0 [ 1 2 3 4 ]
