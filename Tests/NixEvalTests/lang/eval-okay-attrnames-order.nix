builtins.attrNames { b = 1; a = 2; C = 3; "a b" = 4; "" = 5; "_" = 6; "1" = 7; "é" = 8; }
