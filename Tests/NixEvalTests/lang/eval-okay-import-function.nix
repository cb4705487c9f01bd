import ./fixtures/function.nix { x = 20; }
