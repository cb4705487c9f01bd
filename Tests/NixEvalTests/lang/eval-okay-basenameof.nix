with builtins; [ (baseNameOf "/a/b") (baseNameOf "a") (baseNameOf "/") (baseNameOf "a/") (baseNameOf "/a/b//") (baseNameOf ./fixtures/data.txt) ]
