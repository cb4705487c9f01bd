[ (builtins.typeOf http://example.org) (builtins.isString x:y) ]
