# Evaluates configurations with roost's bundled modules.
#   container: import <roost/eval-config.nix> { modules = [ ./configuration.nix ]; name = "db"; }
#   host:      import <roost/eval-config.nix> { modules = [ /etc/roost/configuration.nix ]; host = true; }
{ modules ? [ ], host ? false, name ? "container", specialArgs ? { }, pkgs ? import ./pkgs { } }:
let
  lib = import ./lib;
in
lib.evalModules {
  specialArgs = { inherit pkgs name; } // specialArgs;
  modules = (if host then [ ./modules/host/containers.nix ] else import ./modules/module-list.nix) ++ modules;
}
