builtins.sort (a: b: a.k < b.k) (builtins.genList (i: { k = i - i / 3 * 3; i = i; }) 40)
