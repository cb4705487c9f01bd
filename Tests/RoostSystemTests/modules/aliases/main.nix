# The old spellings Roost keeps: users.extraUsers → users.users,
# users.extraGroups → users.groups, systemd.containers → containers.
# Definitions through an alias merge with the new name's, keep their
# priority, and reading the old name gives the new value. Aliases are silent.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./options.nix ./aliases.nix ./configuration.nix ]; };
in
{
  inherit (r.config) users containers warnings;
  readThroughAlias = r.config.users.extraUsers.alice.uid;
  oldContainerName = r.config.systemd.containers.web.autoStart;
}
