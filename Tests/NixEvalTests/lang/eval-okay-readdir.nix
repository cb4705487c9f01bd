builtins.readDir ./fixtures/readdir
