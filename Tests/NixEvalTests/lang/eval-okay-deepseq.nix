with builtins; [ (deepSeq [ 1 2 ] "ok") (deepSeq { a.b = 1; } "ok") (seq 1 2) ]
