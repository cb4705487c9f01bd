[ <roots/file.nix> (import <roots/file.nix>) ]
