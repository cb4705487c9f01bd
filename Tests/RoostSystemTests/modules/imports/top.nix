{ lib, ... }:
{
  imports = [
    ./options.nix
    ./sub
    ({ ... }: { trail = [ "inline function" ]; })
    { trail = [ "inline set" ]; }
    ./shared.nix
    (toString ./shared.nix)
  ];
  trail = [ "top" ];
}
