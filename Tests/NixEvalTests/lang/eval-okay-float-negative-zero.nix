[ (-0.0) (0.0 * -1) (builtins.toJSON (-0.0)) (toString (-0.0)) ]
