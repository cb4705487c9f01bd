let nat = n: [ n ] ++ []; ones = { h = 1; t = ones; }; in ones.t.t.t.h
