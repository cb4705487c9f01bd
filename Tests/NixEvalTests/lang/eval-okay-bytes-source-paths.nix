# Paths built from bytes that are not UTF-8 keep them: printed, cut,
# turned back into strings, looked up (this one does not exist).
let
  p = /. + "/no-such-dir/café";
  q = ./fixtures/bytes/${"é"};
in [
  p
  (baseNameOf p)
  (dirOf (p + "/x"))
  (toString p)
  "${toString p}/è"
  (builtins.pathExists p)
  (builtins.toPath "/a/é/../bè")
  (builtins.typeOf p)
  (p == /. + "/no-such-dir/café")
  (p == /. + "/no-such-dir/cafè")
  (builtins.toXML p)
  (builtins.toJSON (toString p))
  (builtins.stringLength (toString q) > 0)
  (baseNameOf q)
]
