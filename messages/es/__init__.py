"""Built-in buyer message templates: es."""
