"""Server-rendered pages (Jinja2 + htmx): the client, the moderator and legal consoles, the
authority portal and the public transparency page. See docs/web.md."""
