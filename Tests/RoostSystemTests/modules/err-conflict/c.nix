{ networking.hostName = "alpha"; }
