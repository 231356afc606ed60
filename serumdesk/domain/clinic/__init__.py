"""A clinic's own use of SerumDesk: its details, its prices from a spreadsheet, its handout."""
