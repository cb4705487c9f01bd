# The source line shown under an error keeps the bytes of a Latin-1 file,
# and the column counts bytes: "ιθ" + 1 points at the 1.
let s = "ιθ";
in "ιθ" + 1 + s # cafι
# θ after
