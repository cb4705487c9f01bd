builtins.fromTOML ''
  a = 1
  b = "two"
  c = [ 1, 2 ]
  d = { e = true }
  f = 1.5
  [[arr]]
  x = 1
  [[arr]]
  x = 2
''
