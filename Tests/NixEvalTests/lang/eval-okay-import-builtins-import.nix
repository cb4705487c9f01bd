builtins.import ./fixtures/simple.nix
