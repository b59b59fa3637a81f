from deskdup.cli import main

raise SystemExit(main())
