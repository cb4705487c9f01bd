builtins.readFile ./fixtures/data.txt
