"""The Overview page: the case at a glance, painted from the core's overview scene."""
