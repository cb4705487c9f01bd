with builtins; map parseDrvName [ "hello-2.10" "foo-bar-1.0pre" "nodigits" "a-1-2" "x-" "-1.0" "name-with-dash-0.1a" ]
