builtins.split "([a-z])([0-9])" "a1b2-c3"
