"""Outputs: the files beside the pages (feeds, sitemaps, robots.txt), and writing them into
the site folder."""
