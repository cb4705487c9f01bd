# builtins.trace writes a string that is not UTF-8 as its bytes, alone or
# inside a printed value.
let
  first = builtins.substring 0 1 "é";
in builtins.trace first (builtins.trace [ first { ${first} = first; } ] "done")
