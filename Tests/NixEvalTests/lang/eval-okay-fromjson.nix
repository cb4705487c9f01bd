with builtins; [ (fromJSON "1") (fromJSON "-2.5") (fromJSON ''"s\n\u00e9\ud83d\ude00"'') (fromJSON "[1, true, null]") (fromJSON ''{"b": 1, "a": {"c": []}}'') (fromJSON "1e3") (fromJSON " 7 ") ]
