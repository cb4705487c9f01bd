builtins.length (builtins.attrNames (builtins.listToAttrs (builtins.genList (i: { name = toString (i - i / 100 * 100); value = i; }) 1000)))
