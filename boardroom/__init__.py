"""boardroom: run a regional health-and-welfare board table from the terminal."""

__version__ = "0.1.0"
