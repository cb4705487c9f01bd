{ zeta = 1; alpha = 2; Mid = 3; "10" = 4; "9" = 5; _u = 6; }
