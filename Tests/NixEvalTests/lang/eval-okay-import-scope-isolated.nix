let secret = 1; in import ./fixtures/no-scope.nix
