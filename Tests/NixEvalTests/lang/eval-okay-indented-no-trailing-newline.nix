''
  abc''
