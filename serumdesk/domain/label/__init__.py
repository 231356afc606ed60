"""An ingredient label as printed: read into ingredients, then into what the product is made of."""
