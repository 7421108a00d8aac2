"""Server-rendered pages (Jinja2). For now the public transparency page; the client, the
moderator and legal consoles and the authority portal come later."""
