{
  imports = [ ./services/web.nix ./services/mail.nix ./keyed.nix ./ssh.nix ];
}
