# An unexpected argument whose name is not UTF-8: quoted, with its bytes.
({ a }: a) { a = 1; "café" = 2; }
