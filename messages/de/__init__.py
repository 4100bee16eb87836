"""Built-in buyer message templates: de."""
