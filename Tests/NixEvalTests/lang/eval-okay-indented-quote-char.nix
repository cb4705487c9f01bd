''
  it's "quoted" 'single'
''
