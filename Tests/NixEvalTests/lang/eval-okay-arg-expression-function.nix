{ f, x }: f x
