"""The board's SQLite file: opening it, the schema and its migrations, the repository — the only SQL (docs/architecture.md §2)."""
