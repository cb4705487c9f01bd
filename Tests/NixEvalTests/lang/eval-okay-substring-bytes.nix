with builtins; [ (stringLength (substring 0 1 "é")) (substring 0 2 "é") (substring 1 2 "aéb") ]
