"""Storage: Peewee tables, the database connection, migrations and repositories."""
