"""``python -m pal_desktop`` and the ``pal-desktop`` command."""

import sys


def main() -> int:
    if getattr(sys, "frozen", False):
        # The frozen Windows build re-executes itself for child processes; from source this is not needed,
        # and importing multiprocessing would cost every start 17 ms.
        import multiprocessing

        multiprocessing.freeze_support()
    from pal_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
