"""``python -m postloss``: the ``postloss`` command (see :mod:`postloss.cli`)."""

if __name__ == "__main__":
    from postloss.cli import main

    raise SystemExit(main())
