"""The results page: comparison cards, cost panel, advice and the compare chooser."""
