{ lib, ... }: { options.networking.hostName = lib.mkOption { type = lib.types.str; default = "roost"; }; }
