{
  services.openssh.enable = true;
  services.opensh.ports = [ 22 ];
}
