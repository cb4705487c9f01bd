with builtins; [ (toPath "/a/b") (typeOf (toPath "/a")) (toPath "/a/../b") ]
