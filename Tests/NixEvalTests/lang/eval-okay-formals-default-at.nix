({ a ? args.b * 2, b }@args: a) { b = 5; }
