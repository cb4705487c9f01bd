// The system `roost create NAME` builds when no manifest is given: root (its
// password locked: use `roost root-login`), nobody, the basic groups, name
// service and PAM set up for local files, a login profile, and no network
// services. systemd-sysusers fills in the remaining system accounts at boot.
// These texts are Roost's own minimal configuration, not copies of Debian's.

extension Manifest {
    public static func defaultSystem() -> Manifest {
        Manifest(
            users: [
                User(name: "root", uid: 0, group: "root", description: "root", home: "/root", shell: "/bin/bash"),
                User(name: "nobody", uid: 65534, group: "nogroup", description: "Unprivileged user",
                     home: "/nonexistent", shell: "/usr/sbin/nologin", createHome: false),
            ],
            groups: [
                Group(name: "root", gid: 0),
                Group(name: "tty", gid: 5),
                Group(name: "shadow", gid: 42),
                Group(name: "utmp", gid: 43),
                Group(name: "users", gid: 100),
                Group(name: "nogroup", gid: 65534),
            ],
            etc: defaultEtc)
    }

    public static let defaultEtc: [String: EtcFile] = [
        "nsswitch.conf": EtcFile(text: """
            # Accounts and hosts come from this container's own files.
            passwd:    files
            group:     files
            shadow:    files
            gshadow:   files
            hosts:     files dns
            networks:  files
            protocols: files
            services:  files
            ethers:    files
            rpc:       files

            """),
        "pam.d/other": EtcFile(text: """
            # Services without their own PAM file are refused.
            auth     required pam_deny.so
            account  required pam_deny.so
            password required pam_deny.so
            session  required pam_deny.so

            """),
        "pam.d/login": EtcFile(text: pamLogin(service: "login")),
        "pam.d/sshd": EtcFile(text: pamLogin(service: "sshd")),
        "pam.d/su": EtcFile(text: """
            # su: root may become anyone; others need the target's password.
            auth     sufficient pam_rootok.so
            auth     required   pam_unix.so
            account  required   pam_unix.so
            password required   pam_unix.so yescrypt
            session  required   pam_unix.so
            session  required   pam_env.so readenv=1

            """),
        "pam.d/runuser": EtcFile(text: """
            # runuser: only root runs it, so no authentication is asked.
            auth     sufficient pam_rootok.so
            session  required   pam_unix.so
            session  optional   pam_limits.so

            """),
        "pam.d/systemd-user": EtcFile(text: """
            # The per-user service manager started for logged-in users.
            account  required pam_unix.so
            session  optional pam_loginuid.so
            session  optional pam_limits.so
            session  optional pam_systemd.so

            """),
        "profile": EtcFile(text: """
            # Login shells of this container start here.
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            export PATH
            umask 022
            if [ -n "${BASH_VERSION-}" ] && [ -n "${PS1-}" ]; then
                PS1='\\u@\\h:\\w\\$ '
                [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
            fi
            for script in /etc/profile.d/*.sh; do
                [ -r "$script" ] && . "$script"
            done
            unset script

            """),
        "shells": EtcFile(text: """
            # Login shells users may have.
            /bin/sh
            /usr/bin/sh
            /bin/bash
            /usr/bin/bash

            """),
        "login.defs": EtcFile(text: """
            # Settings login(1) and the shadow tools read.
            MAIL_DIR        /var/mail
            ENV_SUPATH      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            ENV_PATH        PATH=/usr/local/bin:/usr/bin:/bin
            LOGIN_TIMEOUT   60
            UMASK           022
            UID_MIN         1000
            UID_MAX         60000
            SYS_UID_MIN     100
            SYS_UID_MAX     999
            GID_MIN         1000
            GID_MAX         60000
            SYS_GID_MIN     100
            SYS_GID_MAX     999
            ENCRYPT_METHOD  YESCRYPT

            """),
    ]

    /// A PAM stack for interactive logins: the password from /etc/shadow,
    /// then a session with limits and environment. pam_systemd is left out on
    /// purpose: it makes logind start a per-user systemd, which on hybrid-cgroup
    /// hosts hangs the container's shutdown until it is killed.
    static func pamLogin(service: String) -> String {
        """
        # \(service): password logins against /etc/shadow.
        auth     requisite pam_nologin.so
        auth     required  pam_unix.so
        account  required  pam_unix.so
        password required  pam_unix.so yescrypt
        session  optional  pam_loginuid.so
        session  required  pam_unix.so
        session  required  pam_env.so readenv=1
        session  optional  pam_limits.so
        session  optional  pam_keyinit.so force revoke

        """
    }
}
