{ x ? 3, y ? "def" }: [ x y ]
