"""Newsroom: a MkDocs plugin that turns wire copy and Markdown articles into a news site."""

__version__ = "0.1.0"
