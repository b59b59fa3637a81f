"""Another operator's deskdup, as a separate process: claims a group and keeps it alive.

``python -m tests.claim_holder URL OPERATOR_ID LEAD_IDS SECONDS``: claims the
leads (comma-separated) for ``SECONDS``, prints ``claimed KEY``, then renews
the claim every ``SECONDS / 4`` until it is killed (an operator whose
computer died) or its standard input closes (released, as on close).
"""

from __future__ import annotations

import sys
import threading

from deskdup.services.claims import claim, heartbeat, release
from deskdup.services.workspace import open_workspace


def main() -> None:
    url, operator_id, leads, seconds = sys.argv[1:5]
    ws = open_workspace(url, create=False)
    key = claim(ws, [int(i) for i in leads.split(",")], int(operator_id), seconds=int(seconds))
    print(f"claimed {key}", flush=True)
    closed = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()
    while not closed.wait(int(seconds) / 4):
        heartbeat(ws, key, int(operator_id), seconds=int(seconds))
    release(ws, int(operator_id), key)
    print("released", flush=True)
    ws.dispose()


if __name__ == "__main__":
    main()
