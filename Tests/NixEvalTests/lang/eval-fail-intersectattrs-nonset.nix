builtins.intersectAttrs { } 1
