"""The catalogue: what is published, where each article lives, and the listings, front pages
and neighbours readers browse by. Pure Python over the articles read; nothing here knows
MkDocs or how pages look."""
