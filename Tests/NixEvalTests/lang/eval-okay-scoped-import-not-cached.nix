[ (scopedImport { } ./fixtures/traced.nix) (scopedImport { } ./fixtures/traced.nix) ]
