{ config, ... }: if config.enable then { extra = "on"; } else { }
