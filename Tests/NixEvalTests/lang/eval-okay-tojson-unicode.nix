builtins.toJSON [ "é" "\t" "\x01" "/" "😀" ]
