with builtins; map (s: (parseDrvName s).version) [ "a-b-c" "a-1b" "a-b1" "perl-5.30.0-x" "name-" "x-1" ]
