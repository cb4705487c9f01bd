let name = "roost"; body = "x\ny"; in ''
  hello ${name}
    ${body}
  end
''
