# Escaping data for several targets and reading it back.
let
  samples = [ "plain" "with \"quotes\"" "back\\slash" "new\nline" "tab\there" "dollar \${x}" "unicode é ☃" ];
  shellQuote = s: "'" + builtins.replaceStrings [ "'" ] [ "'\\''" ] s + "'";
  roundtrip = s: builtins.fromJSON (builtins.toJSON s) == s;
in
{
  json = map builtins.toJSON samples;
  shell = map shellQuote samples;
  roundtrips = builtins.all roundtrip samples;
  lengths = map builtins.stringLength samples;
  hashes = map (builtins.hashString "md5") samples;
}
