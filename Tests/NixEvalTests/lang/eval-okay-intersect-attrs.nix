with builtins; [ (intersectAttrs { a = 0; b = 0; } { b = 2; c = 3; a = 1; }) (intersectAttrs { } { a = 1; }) ]
