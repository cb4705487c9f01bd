# Two dynamic attributes with one name that is not UTF-8: quoted, with its bytes.
let a = "café"; in
{ ${a} = 1; ${a} = 2; }
