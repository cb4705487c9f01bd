with builtins; [ (any (x: throw "no") [ ]) (all (x: throw "no") [ ]) ]
