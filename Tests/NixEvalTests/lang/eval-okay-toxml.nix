builtins.toXML { a = 1; b = [ "s" true null 1.5 ]; c = { d = x: x; e = { y, z ? 1 }: y; }; }
