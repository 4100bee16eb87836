"""Built-in buyer message templates: en."""
