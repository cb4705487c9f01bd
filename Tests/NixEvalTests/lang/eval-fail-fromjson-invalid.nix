builtins.fromJSON "{not json}"
