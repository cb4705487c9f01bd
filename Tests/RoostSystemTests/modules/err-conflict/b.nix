{ networking.hostName = "beta"; }
