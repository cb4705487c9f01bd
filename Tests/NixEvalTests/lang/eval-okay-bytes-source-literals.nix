# String literals in a Latin-1 file keep their bytes: plain, indented,
# escaped and interpolated literals, and literals whose bytes join into UTF-8.
let
  y = "Y";
  tail = "©";
  cut = builtins.substring 0 1 "Ã©";
in [
  "café"
  "xé${y}è"
  "\é\nè\t"
  "Ã${""}©"
  "Ã${tail}"
  (builtins.stringLength "café")
  (builtins.stringLength "Ã${tail}")
  ("Ã" == cut)
  ("é" == "è")
  ("é" < "è")
  ("café" + "!")
  (builtins.hashString "sha256" "café")
  (builtins.toJSON "café")
  ''
    café ''${y} ${y}
      è''\n
    ç
  ''
  ''é${y}''
  (builtins.concatStringsSep "é" [ "a" "b" ])
]
