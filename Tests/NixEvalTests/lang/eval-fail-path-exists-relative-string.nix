builtins.pathExists "relative/path"
