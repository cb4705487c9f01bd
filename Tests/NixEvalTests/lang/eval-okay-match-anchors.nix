with builtins; [ (match "^a$" "a") (match "a$" "ba") (match "(.*)\\.nix" "default.nix") (match "[a-z]+-([0-9.]+)" "hello-2.10") ]
