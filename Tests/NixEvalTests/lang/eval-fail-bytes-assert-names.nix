# A failed assertion shows names that are not UTF-8 quoted, with their bytes.
let x = { "ι" = 1; }; in
assert { "ι" = x."ι"; inherit (x) "ιθ"; } == {}; 1
