"""The use cases: what a user does, permissions first, one transaction each (docs/architecture.md §2)."""
