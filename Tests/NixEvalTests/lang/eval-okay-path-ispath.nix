with builtins; [ (isPath ./.) (isPath "/usr") (isPath /usr) (isPath (toPath "/usr")) ]
