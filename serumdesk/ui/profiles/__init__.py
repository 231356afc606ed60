"""Profile actions in the File menu, their prompts and the picker dialog."""
