# fromTOML: a comment that is not UTF-8 after a value ends the line badly.
builtins.fromTOML "a = 1 # café\n"
