builtins.findFile [ { prefix = "a"; path = ./fixtures; } ] "b/c"
