let d = derivation { name = "multi"; system = "s"; builder = "/b"; outputs = [ "out" "dev" ]; }; in [ d.outputs d.dev.outputName d.out.outputName (d.dev.name) (builtins.attrNames d.drvAttrs) ]
