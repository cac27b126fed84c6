"""``python -m reportlint``: the same command line as the ``reportlint`` script."""

from .cli import main

main()
