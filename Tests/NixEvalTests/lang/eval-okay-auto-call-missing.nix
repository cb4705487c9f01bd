{ required }: required
