let d = derivation { name = "x"; system = "s"; builder = "/b"; }; in [ (d.type == "derivation") (d.drvAttrs.name) (builtins.typeOf d) ]
