with builtins; let s = "a${"b"}c"; in [ (unsafeDiscardStringContext s) (stringLength (unsafeDiscardStringContext s)) ]
