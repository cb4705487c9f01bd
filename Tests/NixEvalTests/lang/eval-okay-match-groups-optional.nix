with builtins; [ (match "(x)?(y)" "y") (match "((a)|(b))+" "ab") (match "(a*)(b*)" "aab") ]
