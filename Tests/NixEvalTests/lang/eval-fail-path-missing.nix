builtins.path { path = ./fixtures/no-such-thing; }
