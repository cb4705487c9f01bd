import ./fixtures/simple.nix
