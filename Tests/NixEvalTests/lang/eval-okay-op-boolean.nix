[ (true && false) (true || false) (!true) (false -> false) (true -> false) (false -> throw "lazy") (!false && true) ]
