# A service module: options under services.greeter, and what enabling it means.
{ config, lib, ... }:
let
  cfg = config.services.greeter;
in
{
  options.services.greeter = {
    enable = lib.mkEnableOption "the greeter service";
    message = lib.mkOption {
      type = lib.types.str;
      default = "Hello";
      description = "What the greeter says.";
    };
    port = lib.mkOption {
      type = lib.types.port;
      default = 7000;
      description = "The TCP port it listens on.";
    };
    names = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      example = [ "alice" "bob" ];
      description = "Who it greets.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.etc."greeter.ini".text = lib.generators.toINI { } {
      greeter = { inherit (cfg) message port; };
      names = lib.genAttrs cfg.names (_: true);
    };
  };
}
