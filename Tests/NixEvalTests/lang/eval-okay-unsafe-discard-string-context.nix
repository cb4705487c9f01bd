with builtins; [ (unsafeDiscardStringContext "plain") (hasContext (unsafeDiscardStringContext "x")) ]
