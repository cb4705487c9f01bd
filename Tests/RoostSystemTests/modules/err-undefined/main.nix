# Reading an option nobody defined, which has no default.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ]; }).config.services.web.hostName
