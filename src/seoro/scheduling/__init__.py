"""Brokerage-meeting scheduling: encode an event into arrays, solve, decode (no I/O here)."""

from seoro.scheduling.problem import NONE, Problem, Result, Schedule
from seoro.scheduling.solve import solve

__all__ = ["NONE", "Problem", "Result", "Schedule", "solve"]
