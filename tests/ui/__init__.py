"""GUI tests (pytest-qt, offscreen). A package, so that the helper module ``typing`` never shadows the stdlib."""
