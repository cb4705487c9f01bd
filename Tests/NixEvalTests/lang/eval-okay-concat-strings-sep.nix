with builtins; [ (concatStringsSep ", " [ "a" "b" "c" ]) (concatStringsSep "" [ ]) (concatStringsSep "-" [ "only" ]) (concatStringsSep "/" [ "" "" ]) ]
