// Connects the user's terminal to a stream socket: stdin to the socket,
// the socket to stdout, until the other side closes. On a terminal it switches
// stdin to raw mode (every key, ^C included, goes to the container) and puts
// the old mode back on every way out, signals included. It knows nothing of
// what runs at the other end; ContainerEngine+Access decides that.

import Glibc

public enum TerminalRelay {
    /// The size of the user's terminal, if stdin or stdout is one.
    public static func windowSize() -> (rows: Int, columns: Int)? {
        var size = winsize()
        for fd in [Int32(1), 0] where ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 && size.ws_col > 0 {
            return (Int(size.ws_row), Int(size.ws_col))
        }
        return nil
    }

    public static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// The user's TERM if it is a plain name the container can use, else a safe default.
    public static func terminalType() -> String {
        let value = ProcessEnvironment.current()["TERM"] ?? ""
        let plain = !value.isEmpty && value.utf8.count <= 64
            && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }
        return plain ? value : "vt220"
    }

    /// Relays until the socket closes; returns 0, or 1 if the connection broke.
    public static func relay(socket: Int32, raw: Bool) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var saved = termios()
        let restoring = raw && tcgetattr(0, &saved) == 0
        if restoring {
            RawModeGuard.install(saved)
            var rawMode = saved
            cfmakeraw(&rawMode)
            tcsetattr(0, TCSANOW, &rawMode)
        }
        defer { if restoring { RawModeGuard.restore() } }

        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if Glibc.errno == EINTR { continue }
                return 1
            }
            if fds[1].revents != 0 {
                let count = read(socket, &buffer, buffer.count)
                if count < 0 && Glibc.errno == EINTR { continue }
                if count <= 0 { return count == 0 ? 0 : 1 }
                if !writeAll(1, buffer, count) { return 1 }
            }
            if fds[0].fd >= 0 && fds[0].revents != 0 {
                let count = read(0, &buffer, buffer.count)
                if count < 0 && Glibc.errno == EINTR { continue }
                if count <= 0 {
                    // End of input: the other side sees EOF but may still answer.
                    shutdown(socket, Int32(SHUT_WR))
                    fds[0].fd = -1
                } else if !writeAll(socket, buffer, count) {
                    return 1
                }
            }
        }
    }

    static func writeAll(_ fd: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        RootDirectory.writeAll(fd, Array(buffer[0..<count]))
    }
}

/// Restores the terminal mode when a signal ends roost while in raw mode.
enum RawModeGuard {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var active = false

    static func install(_ mode: termios) {
        saved = mode
        active = true
        for number in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(number) { received in
                if RawModeGuard.active { tcsetattr(0, TCSANOW, &RawModeGuard.saved) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func restore() {
        guard active else { return }
        tcsetattr(0, TCSANOW, &saved)
        active = false
    }
}
