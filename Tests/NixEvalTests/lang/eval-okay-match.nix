with builtins; [ (match "a" "a") (match "a" "b") (match "(a)(b)?" "a") (match "([0-9]+)\\.([0-9]+)" "12.34") (match ".*" "") (match "a|b" "b") ]
