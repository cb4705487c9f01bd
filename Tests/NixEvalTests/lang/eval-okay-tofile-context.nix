let p = builtins.toFile "ctx" "y"; in [ (builtins.hasContext p) (builtins.attrValues (builtins.getContext p)) ]
