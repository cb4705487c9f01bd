builtins.trace "t" 5
