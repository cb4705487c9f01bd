with builtins; map (s: let v = fromJSON s; in [ v (typeOf v) ]) [ "0" "-0" "1.0" "1E2" "123456789012" "0.5" "-1e-2" ]
