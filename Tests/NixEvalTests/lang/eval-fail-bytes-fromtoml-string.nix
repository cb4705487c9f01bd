# fromTOML refuses a string that is not UTF-8, naming the line and the byte.
builtins.fromTOML "a = \"x\"\nb = \"café\"\n"
