builtins.length ([ 1 ] ++ { })
