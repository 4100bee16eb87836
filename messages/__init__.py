"""Built-in buyer message templates, one folder per language.

Each folder holds `<kind>.subject.j2` and `<kind>.txt.j2` (and optionally
`<kind>.html.j2`) plus `_parts.j2` (greeting, signature, lists). `layout.html.j2`
turns the plain text into the HTML part. A seller's `messaging.templates_dir` with the
same layout overrides these file by file.
"""
