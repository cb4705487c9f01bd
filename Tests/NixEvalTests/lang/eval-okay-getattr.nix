with builtins; [ (getAttr "a" { a = 1; }) (getAttr "x y" { "x y" = 2; }) ]
