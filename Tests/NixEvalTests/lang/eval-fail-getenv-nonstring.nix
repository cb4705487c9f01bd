builtins.getEnv 1
