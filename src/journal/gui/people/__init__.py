"""People: the list of counterparts, a person's page and the person editor."""
