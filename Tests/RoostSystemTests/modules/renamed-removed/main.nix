# mkRenamedOptionModule forwards and warns; mkRemovedOptionModule fails an
# assertion when defined; mkChangedOptionModule and mkMergedOptionModule
# compute the new option from the old ones. The caller reports assertions
# and warnings, as here.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./options.nix ./configuration.nix ]; };
  failed = map (a: a.message) (builtins.filter (a: !a.assertion) r.config.assertions);
in
{
  inherit (r.config.services) openssh;
  inherit (r.config.networking) hostName fqdn;
  oldNameReadsNew = r.config.networking.hostname;
  removedReadFails = (builtins.tryEval r.config.services.telnet.enable).success;
  warnings = map (w: builtins.replaceStrings [ (toString ./.) ] [ "@DIR@" ] w) r.config.warnings;
  failedAssertions = map (m: builtins.replaceStrings [ (toString ./.) ] [ "@DIR@" ] m) failed;
}
