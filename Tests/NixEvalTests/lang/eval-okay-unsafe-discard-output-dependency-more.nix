with builtins; [ (unsafeDiscardOutputDependency "") (hasContext (unsafeDiscardOutputDependency "x")) ]
