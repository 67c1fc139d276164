"""One build of a news site, step by step, as the plugin's hooks hand MkDocs' events over:
reading, the pages, writing them (shared among processes), progress and the closing line."""
