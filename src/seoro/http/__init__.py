"""What the REST API and the web pages share: sessions, CSRF, who may do what, error bodies."""
