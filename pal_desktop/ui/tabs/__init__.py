"""The six screens of the main window, one module each, built on the shared ``ListTab``."""
