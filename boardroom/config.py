"""Where things live and who is using the app: flags, then environment, then the config file.

Config file (optional): `<user config dir>/boardroom/config.toml` with
    db = "/path/to/board.db"   # default database
    user = "Els Verhoeven"     # default --as
    lang = "nl"                # default --lang
    replica = "/mnt/share/tafel"   # where the board is replicated (folder, sftp://, s3://)
    replica_days = 30              # how far back the replica can restore the board
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from boardroom.domain.errors import ValidationProblem
from boardroom.i18n import detect_language

APP = "boardroom"


@dataclass(frozen=True)
class Settings:
    db: Path | None = None
    user: str | None = None
    lang: str | None = None
    replica: str | None = None
    replica_days: float | None = None


def _validated(data: dict[str, Any]) -> Settings:
    """Check the file with pydantic (imported only when there is a file to check)."""
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    class SettingsFile(BaseModel):
        model_config = ConfigDict(extra="forbid")

        db: Path | None = None
        user: str | None = None
        lang: Literal["nl", "en"] | None = None
        replica: str | None = None
        replica_days: float | None = Field(default=None, ge=1, le=3650)

    checked = SettingsFile.model_validate(data)
    return Settings(checked.db, checked.user, checked.lang, checked.replica, checked.replica_days)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The config file's settings, or defaults when there is none."""
    path = path or Path(os.environ.get("BOARDROOM_CONFIG", config_file()))
    if not path.exists():
        return Settings()
    import tomllib  # only when there is a file (start-up reads none)

    from pydantic import ValidationError

    try:
        return _validated(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as error:
        raise ValidationProblem(f"not valid TOML: {error}", str(path)) from None
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ValidationProblem(first["msg"], f"{path}: {field}") from None


def resolve_db(flag: str | None, settings: Settings) -> Path:
    """--db, else BOARDROOM_DB, else the config file, else the user data directory."""
    if flag:
        return Path(flag).expanduser()
    if os.environ.get("BOARDROOM_DB"):
        return Path(os.environ["BOARDROOM_DB"]).expanduser()
    if settings.db:
        return settings.db.expanduser()
    return data_dir() / "board.db"


def resolve_user(flag: str | None, settings: Settings) -> str | None:
    return flag or os.environ.get("BOARDROOM_AS") or settings.user


def resolve_replica(flag: str | None, settings: Settings) -> str | None:
    """--replica, else BOARDROOM_REPLICA, else the config file; None: no replica."""
    return flag or os.environ.get("BOARDROOM_REPLICA") or settings.replica


def resolve_language(flag: str | None, settings: Settings) -> str:
    return flag or os.environ.get("BOARDROOM_LANG") or settings.lang or detect_language()
