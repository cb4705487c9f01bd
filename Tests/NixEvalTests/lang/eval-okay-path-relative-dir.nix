[ ./. ./fixtures ./fixtures/. ./fixtures/.. ./fixtures/../fixtures ]
