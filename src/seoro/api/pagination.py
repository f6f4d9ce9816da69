"""Pages of results: ``?limit=&offset=`` in, ``{"items", "total", "limit", "offset"}`` out.

Every list route takes the same two parameters with the same bounds, so that a client (or a
generated test) can page through any of them the same way, and ``total`` is always the count of
everything the filters match, not of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Generic, Self, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

T = TypeVar("T")
S = TypeVar("S")

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000  # far beyond any directory; bounded so the database never sees an absurd number


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def window(self, items: Sequence[S]) -> list[S]:
        """This page of a list already in memory (event participants and requests are small)."""
        return list(items[self.offset : self.offset + self.limit])


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items (at most 200).")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip first.")] = 0,
) -> Paging:
    return Paging(limit, offset)


PageQuery = Annotated[Paging, Depends(paging)]


class Page(BaseModel, Generic[T]):
    """One page: ``total`` counts every match of the filters, ``items`` at most ``limit`` of them."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, items: list[T], total: int, paging: Paging) -> Self:
        return cls(items=items, total=total, limit=paging.limit, offset=paging.offset)
