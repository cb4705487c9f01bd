{ lib, ... }:
{
  port = lib.mkDefault 8080;
  upper = "loud";
  enable = true;
}
