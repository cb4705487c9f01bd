# Imported three times; defines once.
{ lib, ... }: { trail = [ "shared.nix" ]; count = 1; }
