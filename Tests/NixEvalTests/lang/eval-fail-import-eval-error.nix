import ./fixtures/throws.nix
