builtins.typeOf builtins.storeDir
