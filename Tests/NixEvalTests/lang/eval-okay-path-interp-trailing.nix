let f = "data.txt"; in builtins.readFile ./fixtures/${f}
