builtins.seq { a = throw "not forced"; } "ok"
