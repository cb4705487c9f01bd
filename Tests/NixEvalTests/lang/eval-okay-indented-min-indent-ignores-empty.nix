''
      deep

    shallow
''
