(builtins.mapAttrs (n: v: throw "lazy") { a = 1; }) ? a
