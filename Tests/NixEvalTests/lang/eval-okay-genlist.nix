with builtins; [ (genList (i: i * i) 5) (genList (i: i) 0) (genList (i: "x${toString i}") 2) ]
