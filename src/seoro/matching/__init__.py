"""Who fits this need, and why: cross-lingual, explainable matching. No database, no web, no settings."""
