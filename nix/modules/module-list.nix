# The modules every container configuration is evaluated with.
[
  ./config/networking.nix
  ./config/users.nix
  ./config/etc.nix
  ./system/systemd.nix
  ./services/openssh.nix
]
