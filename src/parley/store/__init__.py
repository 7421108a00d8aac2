"""Persistence: SQLAlchemy Core tables, Alembic migrations, one module per aggregate.

Services reach the store through `Database.read` / `Database.write`, passing a function that
receives a `Tx` — a transaction with one repository per aggregate. SQL lives only here."""
