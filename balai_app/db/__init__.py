"""Storage: peewee models, the connection and numbered migrations."""
