"""Domain rules: pure Python, no Qt, no Falcon, no Peewee."""
