builtins.isInt (throw "forced by isInt")
