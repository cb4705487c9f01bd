# Function calls and integer arithmetic: naive Fibonacci of 30 (1.6 million calls).
let fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2); in fib 30
