"""The catalog: products, the catalog file, a clinic's price list, your own serums, freshness."""
