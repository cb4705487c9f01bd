with builtins; [ (match "\\[(.*)]" "[a]") (match "[[](.*)[]]" "[b]") (match "a\\." "a.") (match "\\(x\\)" "(x)") ]
