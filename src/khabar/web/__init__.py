"""``khabar serve``: a web UI and JSON API over a khabar store."""

from khabar.web.app import create_app

__all__ = ["create_app"]
