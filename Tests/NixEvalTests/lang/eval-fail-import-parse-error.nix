import ./fixtures/broken.nix
