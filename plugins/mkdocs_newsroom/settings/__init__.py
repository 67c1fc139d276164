"""The plugin's options: the schema MkDocs checks (`schema`), the settings the rest of
Newsroom reads (`checked`), and the one step from the first to the second (`loading`)."""
