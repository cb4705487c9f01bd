map builtins.typeOf [ ./. /usr ./fixtures/data.txt ]
