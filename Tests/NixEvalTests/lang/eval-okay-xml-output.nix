{ a = [ 1 "s" null true ]; b = { c = 2.5; }; }
