let bad = throw "unused"; good = 1; in good
