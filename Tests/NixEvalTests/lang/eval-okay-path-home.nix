[ (baseNameOf ~/foo) (builtins.typeOf ~/foo) (builtins.substring 0 1 (toString ~/foo)) ]
