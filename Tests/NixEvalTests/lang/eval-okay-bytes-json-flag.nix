# `--json` writes strings and keys that are not UTF-8 as their bytes.
let
  first = builtins.substring 0 1 "é";
in { ${first} = [ first (first + builtins.substring 1 1 "é") ]; plain = "é"; }
