{ inherit ({ a = 1; b = 2; } // { b = 3; }) a b; }
