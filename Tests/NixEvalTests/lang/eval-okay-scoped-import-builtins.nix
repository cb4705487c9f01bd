scopedImport { builtins = { myOwn = "shadowed"; }; } ./fixtures/scoped-builtins.nix
