''
  héllo
    wörld
''
