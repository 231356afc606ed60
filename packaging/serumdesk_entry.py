"""Entry point frozen into the bundle: the same `serumdesk` command as the wheel installs."""

from serumdesk.launch import main

raise SystemExit(main())
