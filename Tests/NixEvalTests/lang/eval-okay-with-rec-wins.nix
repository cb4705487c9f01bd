with { a = "with"; }; (rec { a = "rec"; b = a; }).b
