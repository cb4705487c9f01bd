[ (builtins.builtins.builtins.length [ 1 ]) (builtins.isAttrs builtins) (builtins ? map) ]
