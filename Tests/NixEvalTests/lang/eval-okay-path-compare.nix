[ (/a == /a) (/a == "/a") (/a < /b) (./fixtures == ./fixtures/.) (/a/b/.. == /a) ]
