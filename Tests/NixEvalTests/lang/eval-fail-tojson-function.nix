builtins.toJSON { f = x: x; }
