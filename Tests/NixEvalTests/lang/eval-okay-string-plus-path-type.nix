with builtins; [ (typeOf ("/a" + "/b")) (typeOf (/a + "b")) ]
