"""The clinic's dialogs: its details, its prices, and what staff type when they print."""
