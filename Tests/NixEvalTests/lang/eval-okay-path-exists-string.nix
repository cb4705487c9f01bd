with builtins; [ (pathExists "/") (pathExists "/surely/not/here/roost") (pathExists (toString ./fixtures/data.txt)) ]
