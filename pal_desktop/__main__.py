"""``python -m pal_desktop`` and the ``pal-desktop`` command."""

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # the frozen Windows build re-executes itself for child processes
    from pal_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
