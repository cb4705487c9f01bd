[ "a\nb" "a\tb" "a\rb" "quote\"" "back\\slash" "dollar\${x}" "\q\z" "\$" "$" "$$" "$${" ]
