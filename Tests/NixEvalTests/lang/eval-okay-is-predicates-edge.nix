with builtins; [ (isFunction map) (isFunction (map (x: x))) (isFunction { __functor = s: x: x; }) (isString ./.) (isFloat 1) (isInt 1.0) (isNull null) (isBool null) (isList { }) ]
