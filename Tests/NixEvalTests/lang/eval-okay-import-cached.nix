let a = import ./fixtures/simple.nix; b = import ./fixtures/simple.nix; in a == b
