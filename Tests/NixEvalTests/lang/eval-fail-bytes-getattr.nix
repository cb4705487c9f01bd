# getAttr of a missing name that is not UTF-8: quoted, with its bytes.
builtins.getAttr "café" { cafe = 1; }
