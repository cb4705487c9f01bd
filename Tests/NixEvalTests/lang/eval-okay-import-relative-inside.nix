import ./fixtures/relative.nix
