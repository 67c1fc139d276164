"""Rendering: Newsroom's pages as MkDocs pages, written through the theme's templates, with
the cards, dates, interface strings and structured data they show."""
