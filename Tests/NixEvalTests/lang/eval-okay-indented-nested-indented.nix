let inner = ''
    inner line
  ''; in ''
  outer
  ${inner}
''
