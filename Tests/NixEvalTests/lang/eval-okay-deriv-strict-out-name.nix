let d = builtins.derivationStrict { name = "x"; system = "s"; builder = "/b"; outputs = [ "out" "lib" ]; }; in builtins.attrNames d
