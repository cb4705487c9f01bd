with builtins; map splitVersion [ "1.2-3" "1_2" "1.2a3b" "2.0.0-beta.1" "..." ]
