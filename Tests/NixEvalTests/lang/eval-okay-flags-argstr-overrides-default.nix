{ who ? "default" }: "hello ${who}"
