# "é" below is one scalar (U+00E9), "é" is "e" and a combining acute accent:
# canonically equivalent Unicode, but different bytes, so different names to
# Nix everywhere a name, a pattern, a file or a key is compared.
{
  literal = { "é" = 1; "é" = 2; };
  nested = { "é".x = 1; "é".x = 2; };
  letBound = let "é" = 1; "é" = 2; in 3;
  inherited = { inherit ({ "é" = 1; "é" = 2; }) "é" "é"; };
  regexes = [ (builtins.match "é" "é") (builtins.match "é" "é") (builtins.match "é" "é") ];
  toml = builtins.fromTOML "\"é\" = 1\n\"é\" = 2\n";
  imports = [ (import (./fixtures/exact-names + "/é.nix")) (import (./fixtures/exact-names + "/é.nix")) ];
  replaced = [ (builtins.replaceStrings [ "é" ] [ "x" ] "aéb") (builtins.replaceStrings [ "é" ] [ "x" ] "aéb") ];
  split = builtins.split "é" "aéb";
  elem = builtins.elem "é" [ "é" ];
  sorted = builtins.sort builtins.lessThan [ "é" "é" "f" ];
  fromList = builtins.attrNames (builtins.listToAttrs [ { name = "é"; value = 1; } { name = "é"; value = 2; } ]);
  hasAttr = builtins.hasAttr "é" { "é" = 1; };
  versions = builtins.compareVersions "é" "é";
  json = [ (builtins.toJSON { "é" = 1; "é" = 2; }) (builtins.fromJSON "{\"é\": 1, \"é\": 2}") ];
  closure = builtins.genericClosure { startSet = [ { key = "é"; } { key = "é"; } ]; operator = x: [ ]; };
  intersected = builtins.intersectAttrs { "é" = 1; } { "é" = 2; };
  equalSets = { "é" = 1; } == { "é" = 1; };
  equalStrings = "é" == "é";
  removed = builtins.removeAttrs { "é" = 1; "é" = 2; } [ "é" ];
  length = builtins.stringLength "é";
}
