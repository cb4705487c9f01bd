# A wrong type deep inside submodules names the full path and the line.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./users.nix ./configuration.nix ]; }).config.users.users.alice.uid
