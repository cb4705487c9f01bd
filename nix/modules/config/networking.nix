# The container's name on the network and its firewall (nftables), as the
# container sees them. Addresses are the host's business (containers.<name>).
{ config, lib, name ? "container", ... }:
let
  inherit (lib) mkOption types;
in
{
  options.networking = {
    hostName = mkOption {
      type = types.strMatching "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$";
      default = name;
      defaultText = lib.literalExpression "the container's name";
      description = "The container's host name, written to /etc/hostname.";
    };
    nameservers = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "10.233.0.1" ];
      description = "DNS servers written to /etc/resolv.conf; empty keeps the host's resolver configuration.";
    };
    firewall = {
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "Whether to filter incoming traffic with nftables inside the container (only with a private network).";
      };
      allowedTCPPorts = mkOption {
        type = types.listOf types.port;
        default = [ ];
        example = [ 22 80 ];
        description = "TCP ports open to incoming connections.";
      };
      allowedUDPPorts = mkOption {
        type = types.listOf types.port;
        default = [ ];
        description = "UDP ports open to incoming packets.";
      };
    };
  };
}
