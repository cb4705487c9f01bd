# The benchmark: evaluates the 100-container configuration and turns every
# container into a manifest (its /etc files, users, groups, unit names,
# failed assertions, warnings): everything the build would read.
let
  lib = import <roost/lib>;
  host = lib.evalModules { modules = [ ./configuration.nix ]; };
  manifest = name: c:
    let sys = c.system.config; in
    {
      inherit (c) autoStart privateNetwork hostAddress localAddress;
      etc = lib.mapAttrs (_: f: { inherit (f) target text mode; }) sys.environment.etc;
      users = lib.mapAttrs (_: u: { inherit (u) uid group home shell extraGroups; }) sys.users.users;
      groups = lib.mapAttrs (_: g: g.gid) sys.users.groups;
      units = lib.attrNames sys.systemd.services;
      failedAssertions = map (a: a.message) (lib.filter (a: !a.assertion) sys.assertions);
      inherit (sys) warnings;
    };
in
lib.mapAttrs manifest host.config.containers
