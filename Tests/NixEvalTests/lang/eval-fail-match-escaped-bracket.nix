builtins.match "\\[(.*)\\]" "[in]"
