# A strict left fold over a generated list of 3,000,000 integers.
builtins.foldl' (acc: x: acc + x) 0 (builtins.genList (i: i) 3000000)
