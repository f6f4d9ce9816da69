"""Pure domain model: plain dataclasses and rules, standard library only."""
