{ config, ... }: { a = config.b + 1; b = config.a * 2; }
