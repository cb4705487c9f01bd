builtins.floor "1.5"
