builtins.appendContext "str" { }
