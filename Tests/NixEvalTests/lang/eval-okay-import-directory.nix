import ./fixtures/dir
