{ lib, ... }:
{
  disabledModules = [
    ./modules/services/web.nix        # a path
    "services/mail.nix"               # relative to modulesPath
    { key = "roost-test-keyed"; }     # a key
  ];
  imports = [ ./my-web.nix ];
  web.enable = true;
}
