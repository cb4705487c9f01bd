# A misspelt leaf option suggests its siblings, closest first.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix { services.web.prot = 8080; } ]; }).config.services.web
