let k = "key"; in { ${k} = 1; "${k}2" = 2; "lit" = 3; "with space" = 4; }
