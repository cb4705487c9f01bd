let xs = builtins.genList (i: (i * 7919) - (i / 13) * 13 * 7919) 200; in builtins.sort (a: b: a < b) xs == builtins.sort (a: b: a < b) (builtins.sort (a: b: a > b) xs)
