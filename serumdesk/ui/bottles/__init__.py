"""File ▸ Your bottles: opening and patch-test dates per serum."""
