let a = { outPath = "/x"; type = "derivation"; z = 1; }; b = { outPath = "/x"; type = "derivation"; z = 2; }; in a == b
