{ ${toString 1} = 1; ${builtins.head [ 2 ]} = 2; }
