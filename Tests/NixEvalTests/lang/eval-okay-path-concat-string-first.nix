[ ("/a" + toString /b) (builtins.typeOf ("x" + toString /y)) ]
