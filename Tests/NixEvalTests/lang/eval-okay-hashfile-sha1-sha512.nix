with builtins; [ (hashFile "sha1" ./fixtures/data.txt) (hashFile "sha512" ./fixtures/data.txt) ]
