"""The desktop app's widgets: the wizard, its pages, the comparison cards and dialogs."""
