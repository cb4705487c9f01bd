let p = { outPath = "/p"; }; f = { __toString = self: "F"; }; in [ "${p}" "${f}" "${"s"}" ("x" + p) ]
