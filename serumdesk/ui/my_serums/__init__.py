"""Catalog ▸ Add a serum and Your serums: products the person enters from their labels."""
