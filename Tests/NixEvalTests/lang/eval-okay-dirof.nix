with builtins; [ (dirOf "/a/b/c") (dirOf "/a") (dirOf "a/b") (dirOf "a") (dirOf "/") (dirOf "") (dirOf "a//b") (dirOf /usr/bin) ]
