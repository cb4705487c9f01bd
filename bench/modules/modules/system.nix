# The option modules every benchmark container's system is evaluated with.
[
  ./users.nix
  ./etc.nix
  ./networking.nix
  ./systemd.nix
  ./services/openssh.nix
  ./services/nginx.nix
  ./services/postgresql.nix
]
