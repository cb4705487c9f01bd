builtins.stringLength (builtins.placeholder "out")
