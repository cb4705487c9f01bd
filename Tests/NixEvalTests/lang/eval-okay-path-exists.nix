with builtins; [ (pathExists ./fixtures/data.txt) (pathExists ./fixtures/nope) (pathExists ./fixtures) (pathExists "/") ]
