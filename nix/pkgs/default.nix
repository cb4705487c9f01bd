# The host's software as `pkgs`. Roost containers share the host's /usr, so a
# package is the host's Debian package: a set with `outPath = "/usr"` (so
# "${pkgs.openssh}/sbin/sshd" is /usr/sbin/sshd), its Debian package name and
# the file that proves it is installed. Building a configuration that needs a
# package the host lacks reports the `apt-get install` line to run.
# The writers (writeText, writeShellScript, …) put files into Roost's store.
{ }:
let
  debian = pname: { deb ? pname, probe, description ? "" }: {
    type = "derivation";
    name = pname;
    inherit pname description;
    debianPackage = deb;
    # A file of the package, relative to /usr: its presence means installed.
    probe = probe;
    outPath = "/usr";
    outputs = [ "out" ];
    meta = { inherit description; };
  };

  packages = {
    bash = debian "bash" { probe = "bin/bash"; description = "GNU Bourne-Again SHell"; };
    coreutils = debian "coreutils" { probe = "bin/ls"; description = "GNU core utilities"; };
    systemd = debian "systemd" { probe = "lib/systemd/systemd"; description = "system and service manager"; };
    openssh = debian "openssh" { deb = "openssh-server"; probe = "sbin/sshd"; description = "secure shell server"; };
    nginx = debian "nginx" { probe = "sbin/nginx"; description = "HTTP server and reverse proxy"; };
    postgresql = debian "postgresql" { probe = "lib/postgresql"; description = "object-relational SQL database"; };
    iproute2 = debian "iproute2" { probe = "sbin/ip"; description = "networking tools"; };
    nftables = debian "nftables" { probe = "sbin/nft"; description = "packet filtering"; };
    socat = debian "socat" { probe = "bin/socat"; description = "multipurpose relay"; };
    curl = debian "curl" { probe = "bin/curl"; description = "URL transfer tool"; };
    util-linux = debian "util-linux" { probe = "bin/login"; description = "system utilities (login, mount, …)"; };
    shadow = debian "shadow" { deb = "passwd"; probe = "sbin/useradd"; description = "user and group management"; };
  };

  writers = {
    writeText = name: text: builtins.toFile name text;
    writeShellScript = name: text: builtins.toFile name ''
      #!/bin/sh
      ${text}
    '';
  };
in
packages // writers // { lib = import ../lib; }
