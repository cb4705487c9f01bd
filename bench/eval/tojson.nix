# toJSON of a large structure: 100,000 records with strings, lists, nested sets and floats.
let
  record = i: {
    id = i;
    name = "package-${toString i}";
    tags = [ "a" "b" "tag-${toString (i - i / 10 * 10)}" ];
    meta = { weight = i * 0.5; enabled = i / 2 * 2 == i; note = null; path = "/srv/${toString i}"; };
  };
in
builtins.stringLength (builtins.toJSON (builtins.genList record 100000))
