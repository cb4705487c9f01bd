# Strings that are not UTF-8 on their own join back into text: with `+`,
# interpolation, concatStringsSep, toString of a list and replaceStrings.
let
  first = builtins.substring 0 1 "é";
  second = builtins.substring 1 1 "é";
in [
  (first + second)
  (first + second == "é")
  "${first}${second}"
  "<${first}>"
  (builtins.concatStringsSep "" [ first second ])
  (builtins.concatStringsSep first [ "a" "b" "c" ])
  (toString [ first second ])
  (toString [ first "x" ])
  (builtins.replaceStrings [ first ] [ "x" ] "é")
  (builtins.replaceStrings [ "" ] [ "-" ] "é")
  (builtins.replaceStrings [ second ] [ "" ] "é")
  (builtins.replaceStrings [ "x" ] [ first ] "axb")
  (builtins.substring 1 2 (first + first + first))
  (builtins.stringLength (first + second + first))
  (builtins.substring 0 4 "日本")
  (builtins.baseNameOf "/a/${first}")
  (builtins.dirOf "/${first}/b")
  (builtins.unsafeDiscardStringContext first)
  (toString { __toString = self: first; })
]
