# An error inside a lambda mapped over a list: roost binds the parameter when
# the list is built, yet the trace names the lambda and its call as Nix does.
let f = x: x.a; in builtins.elemAt (map f [ 1 ]) 0
