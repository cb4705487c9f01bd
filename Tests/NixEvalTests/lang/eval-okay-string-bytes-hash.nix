with builtins; [ (hashString "md5" (substring 0 1 "é")) (stringLength (substring 1 1 "é")) (stringLength (substring 0 4 "日本")) ]
