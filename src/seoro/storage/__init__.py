"""SQLAlchemy 2 storage: the only package that writes SQL."""
