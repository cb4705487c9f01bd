let drv = { outPath = "/some/path"; }; in [ "${drv}" "${drv}/bin" ]
