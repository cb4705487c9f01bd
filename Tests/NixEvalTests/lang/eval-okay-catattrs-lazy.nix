builtins.length (builtins.catAttrs "a" [ { a = throw "lazy"; } { b = 1; } ])
