# A file that is not UTF-8 is read byte for byte: measured, hashed, cut,
# matched and printed as its bytes.
let
  text = builtins.readFile ./fixtures/bytes/latin1.txt;
  lines = builtins.filter builtins.isString (builtins.split "\n" text);
in [
  text
  (builtins.stringLength text)
  (builtins.hashString "sha256" text)
  (builtins.substring 3 1 text)
  (builtins.stringLength (builtins.substring 3 1 text))
  lines
  (map builtins.stringLength lines)
  (builtins.match "caf(.) au lait\n.*" text)
  (builtins.replaceStrings [ "au" ] [ "with" ] text)
  (builtins.toJSON (builtins.head lines))
  (text == builtins.readFile ./fixtures/bytes/latin1.txt)
]
