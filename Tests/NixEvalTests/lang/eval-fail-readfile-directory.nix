builtins.readFile ./fixtures/readdir
