let s = { p = 10; q = 20; }; inherit (s) p q; in p + q
