let x = "i"; in "a${"b${"c${x}c"}b"}a"
