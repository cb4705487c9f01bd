{
  containers.web = {
    users.alice = { uid = 1000; groups = [ "wheel" ]; keys.laptop = { }; };
    users.bob.keys.work.type = "rsa";
  };
  containers.db.hostName = "database";
}
