import ./fixtures/does-not-exist.nix
