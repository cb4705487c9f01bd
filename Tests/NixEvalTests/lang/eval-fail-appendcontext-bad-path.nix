builtins.appendContext "x" { "/not/in/store" = { path = true; }; }
