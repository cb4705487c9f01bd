[ (toString /usr/bin) (toString ./fixtures) (builtins.typeOf (toString /a)) ]
