[ (!!true) (! ! false) ]
