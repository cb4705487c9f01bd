with builtins; map splitVersion [ "1.2.3" "1.0pre2" "2.0-rc1" "" "a.b" "1..2" "10abc5" ]
