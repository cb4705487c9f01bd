builtins.mapAttrs (name: value: "${name}=${toString value}") { b = 2; a = 1; }
