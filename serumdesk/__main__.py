"""`python -m serumdesk`: the same as the installed `serumdesk` command."""

from serumdesk.launch import main

raise SystemExit(main())
