"""Search: the articles' index as small static files that search-worker.js answers Material's
search box from (the format: docs/search-format.md). Pure Python, apart from the site adapter
(site.py)."""
