builtins.langVersion >= 6
