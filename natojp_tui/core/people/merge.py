"""``merge_people``: one person across articles, with every alias and every dated role."""

from __future__ import annotations

from natojp_tui.core.model import Person, Role
from natojp_tui.core.people.names import name_key
from natojp_tui.core.people.registry import PeopleRegistry


def merge_people(existing: list[Person], new: list[Person]) -> list[Person]:
    """Fold ``new`` people into ``existing`` (by id, else by a shared alias): aliases are
    united and roles kept with their dates, so one person can hold different offices."""
    merged = [Person(p.id, p.name, list(p.aliases), list(p.roles), p.gender) for p in existing]
    by_id = {p.id: p for p in merged}
    by_alias: dict[str, Person] = {}
    for p in merged:
        for alias in PeopleRegistry._aliases_of(p):
            by_alias.setdefault(alias, p)
    by_key = {name_key(p.name): p for p in merged if " " in p.name}
    for person in new:
        target = by_id.get(person.id)
        if target is None and len(person.name.split()) >= 2:
            target = by_alias.get(person.name.lower()) or by_key.get(name_key(person.name))
        if target is None:
            target = Person(person.id, person.name, [], [], person.gender)
            merged.append(target)
            by_id[target.id] = target
        for alias in [person.name, *person.aliases]:
            if alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
        seen = {(r.title, r.organisation, r.as_of, r.article_id) for r in target.roles}
        for r in person.roles:
            if (r.title, r.organisation, r.as_of, r.article_id) not in seen:
                target.roles.append(Role(r.title, r.organisation, r.as_of, r.article_id))
        target.gender = target.gender or person.gender
        for alias in PeopleRegistry._aliases_of(target):
            by_alias.setdefault(alias, target)
        if " " in target.name:
            by_key.setdefault(name_key(target.name), target)
    return merged
