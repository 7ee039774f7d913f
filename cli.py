"""`python cli.py ...` from a checkout: the same command line as `fairrecruit` (see compliance/cli.py)."""

from compliance.cli import app, main

__all__ = ["app"]

if __name__ == "__main__":
    raise SystemExit(main())
