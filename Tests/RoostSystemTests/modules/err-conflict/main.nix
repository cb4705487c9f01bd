# Conflicting definitions list every file and value.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ./a.nix ./b.nix ./c.nix ]; }).config.networking.hostName
