builtins.readDir (builtins.filterSource (p: t: baseNameOf p != "sub") ./fixtures/readdir)
