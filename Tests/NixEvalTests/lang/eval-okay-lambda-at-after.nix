({ a, ... }@args: builtins.attrNames args) { a = 1; z = 2; }
