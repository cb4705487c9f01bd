builtins.fetchTarball "http://127.0.0.1:9/unreachable.tar.gz"
