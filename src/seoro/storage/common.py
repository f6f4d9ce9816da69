"""Helpers shared by the repositories."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar, overload

from sqlalchemy import Column, Connection, Insert, Select, Table, delete, func, insert, select

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


T = TypeVar("T", bound=_Stored)
W = TypeVar("W")


def replace_children(
    conn: Connection, table: Table, owner: Column[Any], owner_id: int | str, rows: Sequence[dict[str, Any]]
) -> None:
    """Make ``table``'s rows for one owner exactly ``rows`` (children are owned, so rewrite them)."""
    conn.execute(delete(table).where(owner == owner_id))
    if rows:
        conn.execute(insert(table), [{owner.name: owner_id, **row} for row in rows])


def children_by_owner(
    conn: Connection, table: Table, owner: Column[Any], ids: Iterable[Any], order: str = "position"
) -> dict[Any, list[Any]]:
    """Rows of ``table`` grouped by owner id, in their stored order."""
    id_list = list(ids)
    grouped: dict[Any, list[Any]] = defaultdict(list)
    if not id_list:
        return grouped
    query = select(table).where(owner.in_(id_list)).order_by(owner, table.c[order])
    for row in conn.execute(query):
        grouped[row._mapping[owner.name]].append(row)
    return grouped


def field_codes(conn: Connection, table: Table, owner: Column[int], ids: Iterable[int]) -> dict[int, list[str]]:
    return {k: [r.field_code for r in v] for k, v in children_by_owner(conn, table, owner, ids).items()}


def positioned(values: Iterable[str], key: str = "field_code") -> list[dict[str, Any]]:
    return [{key: v, "position": i} for i, v in enumerate(values)]


def not_found(entity: str, id_: int) -> DomainError:
    return DomainError("not_found", entity=entity, id=id_)


def none_if_empty(value: str) -> str | None:
    return value or None


def count_of(conn: Connection, query: Select[Any]) -> int:
    """How many rows ``query`` returns (counted by the database)."""
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def insert_returning_id(conn: Connection, statement: Insert) -> int:
    key = conn.execute(statement).inserted_primary_key
    assert key is not None
    return int(key[0])


class Repository(ABC, Generic[T, W]):
    """What every aggregate's repository does the same way: get one, find by filter, count, delete."""

    table: ClassVar[Table]
    entity: ClassVar[str]

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, id_: int) -> T:
        found = self._load(select(self.table).where(self.table.c.id == id_))
        if not found:
            raise not_found(self.entity, id_)
        return found[0]

    def get_many(self, ids: Iterable[int]) -> dict[int, T]:
        """The records with these ids that exist, by id, in one query."""
        return self._many(ids, self._load)

    def _many(self, ids: Iterable[int], load: Callable[[Select[Any]], list[T]]) -> dict[int, T]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        return {x.id: x for x in load(select(self.table).where(self.table.c.id.in_(wanted))) if x.id is not None}

    def find(self, where: W | None = None, limit: int | None = None, offset: int = 0) -> list[T]:
        query = self._filtered(where).order_by(*self._ordering()).offset(offset)
        return self._load(query.limit(limit) if limit else query)

    def count(self, where: W | None = None) -> int:
        return count_of(self.conn, self._filtered(where))

    def tally(self, column: str) -> dict[str, int]:
        """How many records have each value of ``column``, counted by the database, by value."""
        c = self.table.c[column]
        rows = self.conn.execute(select(c, func.count()).group_by(c).order_by(c))
        return {str(value): int(n) for value, n in rows}

    def delete(self, id_: int) -> None:
        self.conn.execute(delete(self.table).where(self.table.c.id == id_))

    def _ordering(self) -> tuple[Any, ...]:
        return (self.table.c.id,)

    @abstractmethod
    def _filtered(self, where: W | None) -> Select[Any]: ...

    @abstractmethod
    def _load(self, query: Select[Any]) -> list[T]: ...


class NamedRepository(Repository[T, W]):
    """A repository of records with a Korean and an English name (organisations, experts)."""

    def names(self) -> dict[int, BilingualText]:
        """Every record's name by id (only the two name columns are read)."""
        c = self.table.c
        return {
            r.id: BilingualText(r.name_ko, r.name_en) for r in self.conn.execute(select(c.id, c.name_ko, c.name_en))
        }


@overload
def utc(at: datetime) -> datetime: ...
@overload
def utc(at: None) -> None: ...
def utc(at: datetime | None) -> datetime | None:
    """``at`` as an aware UTC time: SQLite hands back naive datetimes, and every stored time is UTC."""
    return at if at is None or at.tzinfo else at.replace(tzinfo=UTC)
