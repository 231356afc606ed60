"""The printable comparison sheet: content, page layout, PDF and print dialogs."""
