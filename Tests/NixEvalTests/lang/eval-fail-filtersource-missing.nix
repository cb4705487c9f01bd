builtins.filterSource (p: t: true) ./fixtures/no-such-dir
