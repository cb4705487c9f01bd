let xs = builtins.genList (i: builtins.trace "forced" i) 1; x = builtins.head xs; in [ x x x ]
