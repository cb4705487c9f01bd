# unique adds its message.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.unique { message = "Only the host sets this."; } types.str; }; } { a = "x"; } { a = "y"; }
]; }).config.a
