import ./fixtures/simple.nix == import ./fixtures/../fixtures/simple.nix
