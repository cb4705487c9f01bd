builtins.match "[^-]*-(.*)" (baseNameOf (builtins.toFile "golden-name" "x"))
