builtins.attrNames (builtins.derivationStrict { name = "s"; system = "s"; builder = "/b"; })
