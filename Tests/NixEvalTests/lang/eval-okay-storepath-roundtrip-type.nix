builtins.typeOf builtins.storePath
