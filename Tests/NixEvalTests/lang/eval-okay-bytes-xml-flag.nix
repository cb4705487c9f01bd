# `--xml` writes strings and names that are not UTF-8 as their bytes.
let
  first = builtins.substring 0 1 "é";
in { ${first} = first; }
