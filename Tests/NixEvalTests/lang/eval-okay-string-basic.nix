[ "" "hello" "with space" "ümlaut" "tab\there" ]
