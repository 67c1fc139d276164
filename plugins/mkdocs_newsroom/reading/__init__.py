"""Reading: the bytes of a reporter's file made into an `Article`, and a site's sources into
its authors and articles. Nothing here knows MkDocs, the build or the preview."""
