scopedImport { injected = "from scope"; } ./fixtures/scoped.nix
