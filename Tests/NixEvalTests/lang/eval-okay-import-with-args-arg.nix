import ./fixtures/needs-args.nix
