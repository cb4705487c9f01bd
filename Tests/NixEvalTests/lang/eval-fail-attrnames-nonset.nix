builtins.attrNames [ ]
