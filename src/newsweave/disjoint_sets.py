"""Disjoint sets (union-find), shared by entity clustering, the sides' member merging and the
coreference score: one implementation, with the caller choosing which root a union keeps."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Sets of hashable items, each named by its root; an item never added is its own set."""

    def __init__(self, items: Iterable[T] = ()):
        self.parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        """The root of `item`'s set (paths are halved on the way)."""
        parent = self.parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, item: T, into: T) -> bool:
        """Merge `item`'s set into `into`'s, whose root stays the root; False if already one set."""
        a, b = self.find(item), self.find(into)
        if a == b:
            return False
        self.parent[a] = b
        return True
