# An option that does not exist is reported with the nearest names.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ./configuration.nix ]; }).config
