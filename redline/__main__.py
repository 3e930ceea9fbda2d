"""`python -m redline` runs the CLI."""

from .cli import main

main()
