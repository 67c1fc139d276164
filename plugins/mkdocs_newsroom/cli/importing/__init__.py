"""`newsroom import --from wordpress|material-blog`: another system's archive made into
articles. Each reader (`wordpress.py`, `material_blog.py`) turns its source into `Post`s
(`posts.py`); `placing.py` decides each post's section, authors, slug and old address, and
`writing.py` writes the articles and the new authors, never twice and never over a file."""
