{ lib, hostName, extraModules, specialArgs, ... }:
{
  imports = extraModules ++ [ ./uses-pkgs.nix ];
  options.greeting = lib.mkOption { type = lib.types.str; };
  options.argNames = lib.mkOption { type = lib.types.listOf lib.types.str; };
  options.machines = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submoduleWith {
      specialArgs = { role = "worker"; };
      modules = [ ({ name, role, ... }: {
        options.description = lib.mkOption { type = lib.types.str; default = "${name} is a ${role}"; };
      }) ];
    });
  };
  config = {
    greeting = "hello from ${hostName}";
    argNames = builtins.attrNames specialArgs;
    _module.args.pkgs = { hello = { name = "hello"; outPath = "/usr"; }; };
    machines.alpha = { };
  };
}
