builtins.seq (throw "forced by seq") 1
