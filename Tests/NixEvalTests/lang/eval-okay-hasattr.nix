with builtins; [ (hasAttr "a" { a = null; }) (hasAttr "b" { a = 1; }) (hasAttr "" { "" = 1; }) ]
