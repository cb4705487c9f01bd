{
  _file = "/etc/roost/configuration.nix";
  services.openssh.ports = [ 2022 70000 ];
}
