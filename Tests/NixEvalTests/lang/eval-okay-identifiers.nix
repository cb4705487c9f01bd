let a' = 1; a-b = 2; _c = 3; d_e' = 4; A = 5; in [ a' a-b _c d_e' A ]
