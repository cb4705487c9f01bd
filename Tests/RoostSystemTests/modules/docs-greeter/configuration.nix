# The user's configuration: sets options, never declares them.
{ lib, ... }:
{
  imports = [ ./etc.nix ./greeter.nix ];

  services.greeter = {
    enable = true;
    message = "Good morning";
    names = [ "alice" "bob" ];
  };
  environment.etc.motd.text = "Welcome.";
}
