"""``deskdup init --db PATH``: make a new, empty workspace (the one explicit "create").

Every other command that is given a workspace expects it to exist, so a typo in
``--db`` is "file not found" instead of a new empty ``dmeo.sqlite``.  ``demo``
and ``import`` into a new file create one too.
"""

from __future__ import annotations

import shlex

from deskdup.services.workspace import open_workspace, sqlite_file


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "init",
        help="create a new, empty workspace",
        description=(
            "Create a new, empty workspace: a SQLite file (or the schema in an empty "
            "PostgreSQL database). Then add the operators (deskdup operator add) and "
            "import the leads (deskdup import). An existing workspace is left as it is."
        ),
    )
    parser.add_argument(
        "--db", metavar="URL", required=True, help="the new SQLite file or a PostgreSQL URL"
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    file = sqlite_file(args.db)
    existed = file is None or file.exists()
    ws = open_workspace(args.db, create=True)
    ws.dispose()
    if file is not None and not existed:
        quoted = shlex.quote(str(file))
        print(f"Created the empty workspace {file}.")
        print(f"Next: deskdup operator add LOGIN --db {quoted}")
        print(f"      deskdup import FILE --db {quoted}")
    else:
        print(f"{ws.display_url} is already a deskdup workspace; nothing changed.")
    return 0
