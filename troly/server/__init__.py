"""The HTTP side of troly: the JSON API, the Telegram/Zalo webhooks and (from ``web``) the pages."""
