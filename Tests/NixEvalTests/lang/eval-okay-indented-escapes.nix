''
  dollar: ''${x}
  quotes: '''
  newline: ''\n
  tab: ''\t
  cr: ''\r
  backslash: ''\\
  plain-dollar: $ and $$
  escaped-char: ''\x
''
