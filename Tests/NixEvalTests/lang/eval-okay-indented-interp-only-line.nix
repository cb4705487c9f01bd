let x = "val"; in ''
    ${x}
      indented
''
