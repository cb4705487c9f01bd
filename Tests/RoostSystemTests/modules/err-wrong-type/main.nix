# A definition of the wrong type names the option, the file, the type.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./openssh.nix ./configuration.nix ]; }).config.services.openssh.ports
