builtins.fromJSON (builtins.readFile ./fixtures/json/sample.json)
