{ a, a }: a
