builtins.fromTOML ''
  int = -17
  hex = 0xff
  float = 6.25
  bool = false
  str = "a \"q\" b"
  lit = 'C:\path'
  arr = [ "x", "y" ]
  nested.key = "v"
''
