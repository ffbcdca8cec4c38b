"""How far to trust the parser: what it reads from labelled articles, compared with what a person read."""
