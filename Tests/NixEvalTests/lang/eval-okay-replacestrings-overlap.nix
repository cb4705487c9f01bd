with builtins; [ (replaceStrings [ "ab" "b" ] [ "X" "Y" ] "abb") (replaceStrings [ "a" ] [ "aa" ] "aaa") (replaceStrings [ "b" "ab" ] [ "Y" "X" ] "abb") ]
