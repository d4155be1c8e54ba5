"""`warta serve`: HTTP API plus the Read and Explore page (see ``app.py``)."""
from warta.web.app import create_app

__all__ = ["create_app"]
