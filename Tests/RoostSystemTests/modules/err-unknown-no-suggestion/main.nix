# Without a close name, the message says what to check.
let lib = import <roost/lib>; in
(lib.evalModules { modules = [ { options.a = lib.mkOption { default = 1; }; } { zzzzzz = true; } ]; }).config.a
