// The files the engine itself puts in every container's /etc, rewritten at
// each start so they always match this roost: the root-shell and login socket
// units and the small scripts behind them. Pure text; the protocol they speak
// is documented in docs/containers.md ("Sockets").
//
// root-shell.socket  a root shell (`bash --login`) on each connection: bytes in
//                    are shell input, so `echo cmd | socat unix:… -` works.
//                    `roost root-login` sends one line, `exec /bin/bash
//                    /etc/roost/terminal ROWS COLS TERM`, to switch the
//                    connection to a pseudo-terminal of its window's size.
// login.socket       a login prompt on a pseudo-terminal. The first line is
//                    either `#roost-terminal ROWS COLS TERM` (roost login) or
//                    a user name (anyone else), then login(1) takes over.

public enum EngineFiles {
    /// Socket paths inside the container; on the host they appear below its root.
    public static let rootShellSocket = "var/lib/root-shell.socket"
    public static let loginSocket = "var/lib/login.socket"
    public static let terminalScript = "/etc/roost/terminal"
    public static let loginScript = "/etc/roost/login-prompt"

    /// The line `roost root-login` sends first on a terminal: the root shell
    /// reads it as a command and moves onto a pseudo-terminal of that size.
    public static func rootTerminalRequest(rows: Int, columns: Int, term: String) -> String {
        "exec /bin/bash \(terminalScript) \(rows) \(columns) \(term)\n"
    }

    /// The first line `roost login` sends on a terminal.
    public static func loginTerminalRequest(rows: Int, columns: Int, term: String) -> String {
        "#roost-terminal \(rows) \(columns) \(term)\n"
    }

    /// Unit files, keyed by name, and the `.wants` links that enable them.
    public static let units: [(name: String, text: String)] = [
        ("root-shell.socket", socketUnit(description: "Root shell for the host (roost root-login)",
                                         path: "/" + rootShellSocket)),
        ("root-shell@.service", serviceUnit(description: "Root shell on a connection from the host",
                                            exec: "/bin/bash --login",
                                            environment: "HOME=/root USER=root LOGNAME=root SHELL=/bin/bash",
                                            workingDirectory: "-/root")),
        ("login.socket", socketUnit(description: "Login prompt for the host (roost login)", path: "/" + loginSocket)),
        ("login@.service", serviceUnit(description: "Login prompt on a connection from the host",
                                       exec: "/bin/bash " + loginScript, environment: nil, workingDirectory: nil)),
    ]
    public static let enabledSockets = ["root-shell.socket", "login.socket"]
    /// Units masked because the sockets replace them: a getty on the console
    /// would only cost memory, nobody reads the console of a detached container.
    public static let maskedUnits = ["console-getty.service"]

    static func socketUnit(description: String, path: String) -> String {
        """
        [Unit]
        Description=\(description)

        [Socket]
        ListenStream=\(path)
        SocketMode=0600
        SocketUser=root
        SocketGroup=root
        Accept=yes
        RemoveOnStop=yes

        [Install]
        WantedBy=sockets.target

        """
    }

    static func serviceUnit(description: String, exec: String, environment: String?, workingDirectory: String?) -> String {
        var lines = [
            "[Unit]",
            "Description=\(description)",
            "",
            "[Service]",
            "ExecStart=-\(exec)",
            "StandardInput=socket",
            "StandardOutput=socket",
            "StandardError=socket",
        ]
        if let environment { lines.append("Environment=\(environment)") }
        if let workingDirectory { lines.append("WorkingDirectory=\(workingDirectory)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs a command on a new pseudo-terminal of the given size, relaying the
    /// connection to it. Arguments are checked so a client cannot inject code.
    public static let terminal = ##"""
        #!/bin/bash
        # roost: run COMMAND on a new pseudo-terminal of ROWS x COLUMNS.
        # Usage: terminal ROWS COLUMNS TERM [login [USER]]
        # Without "login" the command is a root login shell.
        set -u
        if [[ $# -lt 3 || ! $1 =~ ^[0-9]{1,4}$ || ! $2 =~ ^[0-9]{1,4}$ || ! $3 =~ ^[A-Za-z0-9._+-]{1,64}$ ]]; then
            echo "roost terminal: expected ROWS COLUMNS TERM" >&2
            exit 2
        fi
        rows=$1 columns=$2
        export TERM=$3
        command="exec /bin/bash --login"
        if [[ ${4-} == login ]]; then
            command="exec /bin/login"
            if [[ -n ${5-} ]]; then
                [[ $5 =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || { echo "login: invalid user name" >&2; exit 2; }
                command="exec /bin/login -- $5"
            fi
        fi
        exec /usr/bin/script --quiet --return --command "stty rows $rows cols $columns; $command" /dev/null

        """##

    /// Serves one connection of login.socket (see the header of this file).
    public static let loginPrompt = ##"""
        #!/bin/bash
        # roost: a login prompt for one connection to login.socket.
        # First line: "#roost-terminal ROWS COLUMNS TERM", or a user name.
        IFS= read -r line || exit 0
        line=${line%$'\r'}
        if [[ $line =~ ^\#roost-terminal\ ([0-9]{1,4})\ ([0-9]{1,4})\ ([A-Za-z0-9._+-]{1,64})$ ]]; then
            exec /bin/bash /etc/roost/terminal "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" login
        elif [[ $line =~ ^[a-z_][a-z0-9_-]{0,31}$ ]]; then
            exec /bin/bash /etc/roost/terminal 24 80 vt220 login "$line"
        fi
        echo "login: expected a user name"
        exit 1

        """##
}
