# trace of a literal that is not UTF-8, alone and in a value.
builtins.trace "café" (builtins.trace { "é" = "è"; } "done")
