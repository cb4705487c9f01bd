scopedImport { true = false; } ./fixtures/uses-true.nix
