with builtins; [ (match "a{2,3}" "aaa") (match "a{2,3}" "aaaa") (match "[^a-z]+" "ABC") (match "x+?" "xx") ]
