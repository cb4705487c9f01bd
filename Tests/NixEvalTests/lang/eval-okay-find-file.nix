builtins.findFile [ { prefix = "x"; path = ./fixtures/search-b; } ] "x/file.nix"
