"""SQLAlchemy 2 typed models, session handling and Alembic migrations."""
