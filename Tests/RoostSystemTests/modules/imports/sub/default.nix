{
  imports = [ ./deeper.nix ../shared.nix ];
  trail = [ "sub/default.nix" ];
}
