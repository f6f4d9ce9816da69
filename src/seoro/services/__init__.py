"""Use cases: each opens a unit of work, loads, calls the core, saves. The CLI (and later the web) call these."""
