{ a = [ true 1.5 ]; }
