builtins.tryEval (builtins.deepSeq [ (throw "deep") ] 1)
