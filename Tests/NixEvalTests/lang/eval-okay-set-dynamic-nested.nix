let k = "b"; in { a.${k}.c = 1; a.x.d = 2; }
