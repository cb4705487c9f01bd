builtins.fromTOML (builtins.readFile ./fixtures/toml/sample.toml)
