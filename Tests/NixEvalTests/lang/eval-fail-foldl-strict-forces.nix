builtins.foldl' (a: b: throw "acc forced") 0 [ 1 ]
