builtins.attrNames (rec { __overrides = { z = 1; }; a = 1; })
