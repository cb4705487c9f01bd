let s = { x = 1; bad = throw "nope"; }; in ({ inherit (s) x bad; }).x
