{ lib, ... }:
{
  options.services.openssh.ports = lib.mkOption {
    type = lib.types.listOf lib.types.port;
    default = [ 22 ];
  };
}
