{ name, greeting ? "hi" }: "${greeting} ${name}"
