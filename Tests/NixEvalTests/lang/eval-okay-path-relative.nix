./fixtures/data.txt
