"""A program in a 200x60 pseudo-terminal, as the key benchmarks drive it (key-phases.py,
key-pages.py, key-path-functions.py)."""
import fcntl, os, pty, select, struct, termios, time


class PseudoTerminal:
    def __init__(self, command, environment=None):
        """Starts `command` with TERM=xterm-256color and `environment` added."""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(TERM="xterm-256color", **(environment or {}))
            os.execvp(command[0], command)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))

    def drain(self, seconds):
        """Reads and drops the program's output for `seconds`."""
        end = time.monotonic() + seconds
        while True:
            ready, _, _ = select.select([self.fd], [], [], max(0, end - time.monotonic()))
            if not ready:
                return
            try:
                os.read(self.fd, 65536)
            except OSError:
                return

    def press(self, key):
        os.write(self.fd, key)

    def quit(self, seconds=1.0):
        """Presses q and waits for the program to end."""
        self.press(b"q")
        self.drain(seconds)
        os.waitpid(self.pid, 0)


def nth_key(i):
    """j and k, 25 of each in turn: the selection moves within the first rows and back."""
    return b"j" if (i // 25) % 2 == 0 else b"k"
