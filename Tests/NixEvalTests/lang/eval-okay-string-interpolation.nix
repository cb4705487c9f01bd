let a = "world"; n = 5; in [ "hello ${a}" "${a}${a}" "n=${toString n}" "${"nested ${a}"}" "x${""}y" ]
