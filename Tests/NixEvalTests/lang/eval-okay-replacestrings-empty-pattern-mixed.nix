builtins.replaceStrings [ "" "b" ] [ "_" "B" ] "ab"
