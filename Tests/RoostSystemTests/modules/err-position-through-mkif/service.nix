{ config, lib, ... }:
{
  config = lib.mkIf true (lib.mkMerge [
    { service.enable = true; }
    {
      service.port = "eighty";
    }
  ]);
}
