"""The base of the repository's read mixins: the three primitives Repo provides."""

from __future__ import annotations

from typing import Any


class Reads:
    """Mixins of Repo build their queries on these; Repo implements them."""

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def scalar(self, sql: str, params: Any = ()) -> Any:
        raise NotImplementedError

    def models(
        self, table: str, where: str = "1", params: Any = (), order: str = "id"
    ) -> list[Any]:
        raise NotImplementedError
