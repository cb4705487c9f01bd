let p = ./fixtures; in builtins.substring 0 0 "${toString p}" + "ok"
