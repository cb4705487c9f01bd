let b = true; in "x${b}"
