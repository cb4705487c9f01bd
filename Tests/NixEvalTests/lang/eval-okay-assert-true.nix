assert 1 < 2; "passed"
