let neg = x: -x; in neg (-9223372036854775807 - 1)
