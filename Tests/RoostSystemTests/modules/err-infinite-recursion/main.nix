# An option whose value depends on itself through config.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ./loop.nix ]; }).config.a
