{ lib, ... }: {
  options.service.enable = lib.mkEnableOption "the service";
  options.service.port = lib.mkOption { type = lib.types.port; default = 80; };
}
