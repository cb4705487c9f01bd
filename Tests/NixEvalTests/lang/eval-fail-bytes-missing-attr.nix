# A missing attribute whose name is not UTF-8 is named by its bytes,
# and suggestions measure names in bytes.
let s = { a = 1; "ιθ" = 2; }; in
s."ι"
