# What `options` tells about each option: value (after `apply`),
# isDefined, definitions with their files, declarations with positions,
# highestPrio; mkEnableOption and mkPackageOption; extendModules and prefix.
let
  lib = import <roost/lib>;
  pkgs = { openssh = { name = "openssh-server"; outPath = "/usr"; }; nginx = { name = "nginx"; outPath = "/usr"; }; };
  r = lib.evalModules {
    specialArgs = { inherit pkgs; };
    modules = [ ./declarations.nix ./definitions.nix ];
  };
  o = r.options;
  strip = f: builtins.replaceStrings [ (toString ./.) ] [ "@DIR@" ] f;
  extended = r.extendModules { modules = [ { port = lib.mkForce 1; } ]; };
  prefixed = lib.evalModules { prefix = [ "containers" "web" ]; modules = [ ./declarations.nix ]; specialArgs = { inherit pkgs; }; };
in
{
  port = {
    inherit (o.port) value isDefined highestPrio description;
    type = o.port.type.description;
    files = map strip o.port.files;
    definitionsWithLocations = map (d: { file = strip d.file; inherit (d) value; }) o.port.definitionsWithLocations;
    declarations = map strip o.port.declarations;
    declarationPositions = map (p: { file = strip p.file; inherit (p) line column; }) o.port.declarationPositions;
  };
  nameDefined = o.name.isDefined;
  nameHasDefault = o.name ? default;
  upper = r.config.upper;
  enable = { inherit (o.enable) default example description; value = r.config.enable; };
  package = { inherit (o.package) description; defaultText = o.package.defaultText.text; value = r.config.package.name; };
  nullablePackage = r.config.nullablePackage;
  internal = o._module.args.internal;
  extendedPort = extended.config.port;
  originalPort = r.config.port;
  prefixedLoc = prefixed.options.port.loc;
  docNames = map (d: d.name) (builtins.filter (d: !d.internal) (lib.optionAttrSetToDocList r.options));
}
