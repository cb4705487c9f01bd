builtins.currentSystem == "x86_64-linux" || builtins.currentSystem == "aarch64-linux"
