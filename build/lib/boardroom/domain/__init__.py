"""Pure rules and models: no I/O, no SQL, no Textual."""
