import <file.nix>
