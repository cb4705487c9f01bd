{ lib, ... }: { options.extra = lib.mkOption { type = lib.types.str; default = "from an imported specialArg"; }; }
