"""The plugin's options: the schema MkDocs checks (`schema`), and the settings the rest of
Newsroom reads, made from them once per build (`checked`)."""
