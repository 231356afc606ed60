"""Where SerumDesk keeps files, and how it writes them safely. No Qt widgets here."""
