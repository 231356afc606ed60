"""The plan for a person: rules, ranking, allergy, cautions, cost, routine and the recommendation."""
