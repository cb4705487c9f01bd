{ n ? 1 }: { doubled = n * 2; list = [ n (n + 1) ]; }
