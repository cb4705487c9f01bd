# toJSON and toXML write a string that is not UTF-8 as its bytes (keys
# too); fromJSON reads text back.
let
  first = builtins.substring 0 1 "é";
in [
  (builtins.toJSON first)
  (builtins.toJSON { ${first} = [ first "é" ]; })
  (builtins.stringLength (builtins.toJSON first))
  (builtins.toXML first)
  (builtins.toXML { ${first} = first; })
  (builtins.fromJSON (builtins.toJSON "é"))
  (builtins.hashString "md5" (builtins.toJSON [ first ]))
]
