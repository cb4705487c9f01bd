builtins.toJSON { __toString = s: "str"; outPath = "/out"; }
