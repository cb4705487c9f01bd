let s = { }; in let   inherit (s)   nope; in nope
