builtins.parseDrvName 1
