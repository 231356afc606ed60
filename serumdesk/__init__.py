"""SerumDesk: a desktop decision assistant for 'stem cell' skincare serums."""

__version__ = "0.1.0"
