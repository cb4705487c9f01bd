{ config, ... }: { imports = [ ]; config.imports = [ "from a path, value ${toString config.value}" ]; }
