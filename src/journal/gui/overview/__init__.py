"""The Overview page: the case at a glance (the picture painted from core/overview\x27s scene)."""
