"""The HTTP API and web dashboard (`relata serve`)."""

from .app import create_app

__all__ = ["create_app"]
