builtins.readFile (builtins.path { path = ./fixtures/data.txt; name = "copied"; })
