"""Preview: what `mkdocs serve` keeps from one build to the next (read articles, page objects
and their signatures, rendered pages, kept folders, compiled templates, a tuned garbage
collector), and the file watcher that starts a rebuild."""
