with builtins; [ (fromJSON ''"\u0041\u00df\u4e2d"'') (fromJSON ''"tab\there"'') (fromJSON ''"\/"'') ]
