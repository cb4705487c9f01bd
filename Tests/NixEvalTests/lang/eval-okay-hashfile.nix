[ (builtins.hashFile "sha256" ./fixtures/hash-me.txt) (builtins.hashFile "md5" ./fixtures/hash-me.txt) ]
