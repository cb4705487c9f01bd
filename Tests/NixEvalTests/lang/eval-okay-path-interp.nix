let d = "fixtures"; in [ ./${d}/data.txt ./fixtures/${"data"}.txt ]
