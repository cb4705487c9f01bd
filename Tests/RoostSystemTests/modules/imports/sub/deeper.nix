{ trail = [ "sub/deeper.nix" ]; }
