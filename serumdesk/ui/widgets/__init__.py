"""Small shared widgets and the palette-aware style helpers."""
