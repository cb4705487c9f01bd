{ a, b, }: a
