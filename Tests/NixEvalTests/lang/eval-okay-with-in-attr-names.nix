with { x = "name"; }; { ${x} = 1; }
