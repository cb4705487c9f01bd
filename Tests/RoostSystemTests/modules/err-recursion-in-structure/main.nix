# A module whose *shape* depends on config (`if` instead of mkIf) recurses:
# to know which options it defines, config must already be known.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ ./options.nix ./bad.nix ]; }).config.extra
