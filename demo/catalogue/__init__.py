"""Demo catalogue: vocabularies, craft tree, product templates, pictures and products."""
