builtins.storePath "/not/a/store/path"
