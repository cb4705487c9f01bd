builtins.readFile (builtins.toFile "roost-golden" "file content\n")
