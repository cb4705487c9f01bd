scopedImport { x = "outer-scope"; } ./fixtures/scoped-nested.nix
