"""Built-in buyer message templates: ru."""
