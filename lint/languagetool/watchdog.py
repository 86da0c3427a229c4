"""Stop the per-user LanguageTool server once nobody has used it for a while.

Started detached beside the server by ``server.start_locked``:
``python -m lint.languagetool.watchdog STATE_DIR SERVER_PID IDLE_SECONDS``.
It sleeps until the last use (``STATE_DIR/last-used``) is ``IDLE_SECONDS`` old,
then, under the server lock and after looking again, stops the server and
removes its state. It exits as soon as the server it watches is gone or the
state file names another server, so it never outlives its server; if the
state file vanishes while the server runs (its directory was deleted), it
stops the server, which nothing could find any more.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lint.languagetool import server
from lint.languagetool.errors import LanguageToolError
from lint.languagetool.settings import LanguageToolSettings


def watch(state_dir: Path, pid: int, idle_timeout: float) -> str:
    """Run until the server is gone or idle; return why it stopped watching."""
    settings = LanguageToolSettings(state_dir=state_dir, url=None)
    poll = max(0.5, min(30.0, idle_timeout / 5))
    watched = server.read_state(state_dir)
    if watched is None or watched.pid != pid:
        return "no state names the server to watch"
    while True:
        state = server.read_state(state_dir)
        if state is None and server.is_our_server(watched):
            server.terminate(pid)  # its state vanished: nobody can find or stop it
            return f"stopped the server (pid {pid}): its state file is gone"
        if state is None or state.pid != pid:
            return "the server was replaced or stopped"
        if not server.pid_alive(pid):
            return "the server is gone"
        idle = server.idle_seconds(state_dir)
        if idle >= idle_timeout:
            try:
                with server.locked(settings, timeout=60):
                    state = server.read_state(state_dir)
                    if state is None or state.pid != pid:
                        return "the server was replaced or stopped"
                    if server.idle_seconds(state_dir) >= idle_timeout:
                        if server.is_our_server(state):
                            server.terminate(pid)
                        server.clear_state(state_dir)
                        return f"stopped the server (pid {pid}) after {idle:.0f} s idle"
            except LanguageToolError:  # someone holds the lock long: look again later
                pass
        time.sleep(min(poll, max(0.2, idle_timeout - idle)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print("usage: python -m lint.languagetool.watchdog STATE_DIR PID IDLE_SECONDS")
        return 2
    reason = watch(Path(args[0]), int(args[1]), float(args[2]))
    print(f"{time.strftime('%H:%M:%S')} factlint watchdog: {reason}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
