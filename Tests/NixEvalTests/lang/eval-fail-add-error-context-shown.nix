builtins.addErrorContext "while doing something specific" (throw "inner failure")
