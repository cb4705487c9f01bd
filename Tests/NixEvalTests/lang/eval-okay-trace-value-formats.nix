let t = builtins.trace; in t "plain string" (t [ 1 (1 + 1) "s" ] (t { a = 1; b = 2 + 2; } (t (x: x) (t null (t 1.5 (t ./fixtures (t true 0)))))))
