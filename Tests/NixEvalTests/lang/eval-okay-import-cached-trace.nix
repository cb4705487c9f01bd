[ (import ./fixtures/traced.nix) (import ./fixtures/traced.nix) (import ./fixtures/../fixtures/traced.nix) ]
