builtins.sort (a: b: a < b) [ { } { } ]
