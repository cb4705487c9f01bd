builtins.toJSON (toString ./fixtures/data.txt)
