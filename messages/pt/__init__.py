"""Built-in buyer message templates: pt (Brazilian Portuguese)."""
