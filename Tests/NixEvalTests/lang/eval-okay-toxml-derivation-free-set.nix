builtins.toXML { outPath = "/o"; name = "n"; }
