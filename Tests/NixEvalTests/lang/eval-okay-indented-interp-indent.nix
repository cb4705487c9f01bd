let x = "a"; in ''
    ${x}
  b
''
