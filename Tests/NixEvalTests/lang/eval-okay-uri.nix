[ http://example.org/a?b=c https://x.y/z ftp://host/path mailto:someone@example.org urn:isbn:0451450523 ]
