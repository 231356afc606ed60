"""The ingredient vocabulary: what each ingredient name on a label is, and which allergies it touches."""
