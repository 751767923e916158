"""boardroom: run a regional health-and-welfare board table from the terminal."""

import os

__version__ = "0.1.0"

# boardroom uses no pydantic plugins; without this, the first model validation scans every
# installed package's entry points (about 10 ms of start-up). An explicit setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
