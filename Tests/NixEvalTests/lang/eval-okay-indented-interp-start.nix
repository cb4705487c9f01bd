let x = "X"; in ''
  ${x} start
    more
''
