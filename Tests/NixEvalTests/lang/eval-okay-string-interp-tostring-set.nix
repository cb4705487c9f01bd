let s = { __toString = self: "custom-${self.name}"; name = "n"; }; in "${s}!"
