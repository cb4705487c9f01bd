builtins.length (with { a = throw "x"; }; [ a ])
