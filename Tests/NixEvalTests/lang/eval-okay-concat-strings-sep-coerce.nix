builtins.concatStringsSep "," [ "a" { outPath = "/o"; } ]
