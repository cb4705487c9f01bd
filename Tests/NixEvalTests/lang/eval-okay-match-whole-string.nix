with builtins; [ (match "b" "abc") (match ".*b.*" "abc") (match "[[:alpha:]]+" "abc") (match "[[:digit:]]+" "12a") ]
