with builtins; [ (appendContext "x" { }) (hasContext (appendContext "x" { })) ]
