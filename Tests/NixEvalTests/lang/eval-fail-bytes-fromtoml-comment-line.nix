# fromTOML: a comment line that is not UTF-8 reads as a bad key.
builtins.fromTOML "a = 1\n# café\n"
