(import ./fixtures/dir).nested
