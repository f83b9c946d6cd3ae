"""Markers for user-facing text written outside the UI.

The domain, storage and service layers must not import Qt, yet their messages are shown to users and
must be translatable. They mark each text with ``QT_TRANSLATE_NOOP(context, text)``: at run time the
marker returns the Polish source text unchanged, ``pyside6-lupdate`` still finds it (it looks for the
name), and the UI translates it with ``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    del context
    return text
