[ (baseNameOf /a/b/c) (dirOf /a/b/c) (dirOf /a) (baseNameOf "x/y/") (dirOf "x/y") (dirOf "x") (baseNameOf "") ]
