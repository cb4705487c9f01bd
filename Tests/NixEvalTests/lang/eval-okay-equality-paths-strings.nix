[ (./. == ./.) ("${toString ./.}" == toString ./.) (/a == /a/.) ]
