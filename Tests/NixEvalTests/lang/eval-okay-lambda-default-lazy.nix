({ a ? throw "not needed" }: "fine") { }
