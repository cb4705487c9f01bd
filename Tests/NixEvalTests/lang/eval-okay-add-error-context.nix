builtins.addErrorContext "context message" (1 + 1)
