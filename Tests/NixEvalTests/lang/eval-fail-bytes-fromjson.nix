# fromJSON of bytes that are not UTF-8 shows them in "last read".
builtins.fromJSON "café"
