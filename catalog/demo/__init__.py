"""Demo data for the storefront: vocabularies, sellers, products and images (see seed_demo)."""
