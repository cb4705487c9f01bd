{ lib, ... }: { options.services.web.hostName = lib.mkOption { type = lib.types.str; }; }
