"""The question wizard and its pages."""
