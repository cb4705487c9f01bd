# Type descriptions read like NixOS's: nouns bare, conjunctions and
# submodules parenthesised where they would be ambiguous.
let
  lib = import <roost/lib>;
  t = lib.types;
  sub = t.submodule { options.x = lib.mkOption { type = t.int; }; };
in
map (type: type.description) [
  (t.listOf t.port)
  (t.listOf t.str)
  (t.attrsOf t.int)
  (t.lazyAttrsOf t.bool)
  (t.attrsOf sub)
  (t.listOf sub)
  (t.nullOr t.str)
  (t.nullOr sub)
  (t.nullOr (t.listOf t.str))
  (t.listOf (t.nullOr t.str))
  (t.attrsOf (t.listOf t.str))
  (t.either t.str t.int)
  (t.either (t.nullOr t.str) t.int)
  (t.either t.int (t.listOf t.str))
  (t.oneOf [ t.str t.int t.bool ])
  (t.enum [ "a" "b" ])
  (t.enum [ "only" ])
  (t.enum [ ])
  (t.listOf (t.enum [ "a" "b" ]))
  t.number
  (t.ints.between 1 65535)
  t.ints.unsigned
  t.ints.positive
  t.ints.u8
  t.ints.s32
  (t.strMatching "[a-z]+")
  t.lines
  t.commas
  (t.separatedString "")
  (t.coercedTo t.str (x: [ x ]) (t.listOf t.str))
  (t.functionTo t.str)
  (t.functionTo (t.attrsOf t.int))
  (t.uniq (t.listOf t.str))
  (t.nonEmptyListOf t.str)
  t.deferredModule
  t.anything
  t.raw
  t.unspecified
  t.package
  t.path
  t.attrs
  t.float
  t.nonEmptyStr
  t.singleLineStr
  (t.heterogeneousAttrsOf (name: t.str))
  (t.submoduleWith { modules = [ ]; description = "container settings"; })
  (t.submodule { freeformType = t.attrsOf t.str; })
]
