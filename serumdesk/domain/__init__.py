"""The pure-Python domain: catalog, rules, cost and routine. Never imports Qt."""
