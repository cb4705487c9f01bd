# Line numbers survive mkIf and mkMerge around a module's config.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ./service.nix ]; }).config.service.port
