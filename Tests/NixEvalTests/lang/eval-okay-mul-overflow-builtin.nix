builtins.tryEval (builtins.mul 2 3)
