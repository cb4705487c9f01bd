{ lib, ... }:
{
  containers.web.users.alice = {
    groups = [ "web" ];
    keys.laptop.comment = "alice's laptop";
    home = lib.mkForce "/srv/alice";
  };
  containers.db.users = { };
}
