{ lib, ... }:
{
  networking.hostname = lib.mkDefault "old-name";
  services.sshd.enable = true;
  services.telnet.enable = true;
  services.openssh.permitRootLogin = true;
  networking.hostPart = "box";
  networking.domainPart = "example.org";
}
