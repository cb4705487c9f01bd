builtins.attrNames (builtins.functionArgs ({ z, a ? 1, m }: z))
