builtins.length (builtins.attrNames builtins) > 90
