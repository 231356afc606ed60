"""Entry point frozen into the bundle: the same `serumdesk` command as the wheel installs."""

from serumdesk.cli import main

raise SystemExit(main())
