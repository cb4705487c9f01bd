[ <dup> (builtins.readFile <dup/which.txt>) ]
