{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;
  cfg = config.services.postgresql;
in
{
  options.services.postgresql = {
    enable = lib.mkEnableOption "PostgreSQL";
    port = mkOption { type = types.port; default = 5432; };
    databases = mkOption { type = types.listOf types.str; default = [ ]; };
    settings = mkOption { type = types.attrsOf (types.either types.str types.int); default = { }; };
  };
  config = mkIf cfg.enable {
    users.users.postgres = { uid = 71; isSystemUser = true; group = "postgres"; home = "/var/lib/postgresql"; };
    users.groups.postgres.gid = 71;
    services.postgresql.settings = { port = cfg.port; listen_addresses = lib.mkDefault "localhost"; };
    environment.etc."postgresql/postgresql.conf".text = lib.generators.toKeyValue { } cfg.settings;
    systemd.services.postgresql = {
      description = "PostgreSQL";
      wantedBy = [ "multi-user.target" ];
      environment.PGDATA = "/var/lib/postgresql/data";
      script = lib.concatMapStringsSep "\n" (db: "createdb ${db} || true") cfg.databases;
      serviceConfig = { User = "postgres"; ExecReload = "/bin/kill -HUP $MAINPID"; };
    };
  };
}
