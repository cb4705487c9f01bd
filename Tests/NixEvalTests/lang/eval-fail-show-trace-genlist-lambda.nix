# A failing genList element, forced alone, with the trace Nix gives.
builtins.elemAt (builtins.genList (i: throw "no ${toString i}") 3) 2
