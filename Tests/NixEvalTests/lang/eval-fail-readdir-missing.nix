builtins.readDir ./fixtures/no-such-dir
