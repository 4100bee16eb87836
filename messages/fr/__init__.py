"""Built-in buyer message templates: fr."""
