import ./fixtures/readdir
