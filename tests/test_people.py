"""The people registry: introductions, aliases, role cues, mentions and merging."""

from datetime import date
from pathlib import Path

from natojp_tui.core.model import Person, Role
from natojp_tui.core.people import PeopleRegistry, build_registry, merge_people, slugify
from natojp_tui.core.text.document import AnalysedArticle

SEED = Path(__file__).parent.parent / "articles" / "2013-04-15-nato-japan-political-declaration.txt"


def registry_of(
    paragraphs: list[str], published: date | None = None, article_id: str | None = None
) -> PeopleRegistry:
    """The registry of an article made of ``paragraphs``."""
    doc = AnalysedArticle.of(paragraphs, published=published, article_id=article_id)
    return build_registry(doc)


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    blocks = text.split("\n", 1)[1].split("\n\n")
    return [" ".join(b.split()) for b in blocks if b.strip()]


def test_seed_article_cues_all_resolve_to_the_secretary_general():
    reg = registry_of(seed_paragraphs(), published=date(2013, 4, 15), article_id="seed")
    for cue in (
        "Mr. Fogh Rasmussen",
        "Mr Fogh Rasmussen",
        "Rasmussen",
        "the Secretary General",
        "NATO's chief",
        "NATO’s chief",
        "Anders Fogh Rasmussen",
    ):
        person = reg.resolve(cue)
        assert person is not None and person.id == "anders-fogh-rasmussen", cue


def test_seed_article_people_have_roles_with_the_article_date():
    reg = registry_of(seed_paragraphs(), published=date(2013, 4, 15), article_id="seed")
    ids = {p.id for p in reg.people}
    assert {"anders-fogh-rasmussen", "shinzo-abe", "fumio-kishida", "itsunori-onodera"} <= ids
    sg = reg.get("anders-fogh-rasmussen")
    assert sg is not None and sg.roles[0].as_of == date(2013, 4, 15)
    assert reg.role_of(sg) == "NATO Secretary General"
    abe = reg.get("shinzo-abe")
    assert abe is not None and reg.role_of(abe) == "Prime Minister of Japan"
    assert reg.resolve("Defence Minister Itsunori Onodera") is reg.get("itsunori-onodera")
    assert reg.resolve("the Japanese Prime Minister") is abe


def test_mentions_slice_exactly_and_include_role_references():
    paras = seed_paragraphs()
    reg = registry_of(paras)
    mentions = reg.mentions()
    assert mentions, "the seed names people"
    for m in mentions:
        assert paras[m.paragraph][m.start : m.end] == m.text
    texts = {(m.text, m.person_id) for m in mentions}
    assert ("Abe", "shinzo-abe") in texts  # "Prime Minister Abe’s personal commitment"
    assert ("the Japanese Prime Minister", "shinzo-abe") in texts


def test_japanese_family_name_first_forms_map_to_the_usual_order():
    reg = registry_of(
        [
            "KISHIDA Fumio, Prime Minister of Japan, held a meeting with H.E. Mr. Jens "
            "STOLTENBERG, Secretary General of NATO.",
            "Foreign Minister Kono Taro also attended. Minister Kono said Japan would help.",
        ]
    )
    kishida = reg.resolve("KISHIDA Fumio")
    assert kishida is not None and kishida.name == "Fumio Kishida"
    assert reg.role_of(kishida) == "Prime Minister of Japan"
    assert reg.resolve("Kishida") is kishida
    kono = reg.resolve("Kono Taro")
    assert kono is not None and kono.name == "Taro Kono" and kono.id == "taro-kono"
    assert reg.resolve("Minister Kono") is kono
    stoltenberg = reg.resolve("Mr. Stoltenberg")
    assert stoltenberg is not None and stoltenberg.name == "Jens Stoltenberg"
    assert stoltenberg.gender == "m"
    assert reg.role_of(stoltenberg) == "NATO Secretary General"


def test_role_cue_shared_by_two_people_is_ambiguous_without_a_position():
    paras = [
        "The Secretary General met Foreign Minister Fumio Kishida and Defence Minister "
        "Itsunori Onodera.",
        "Mr. Onodera spoke first. Then the minister left.",
    ]
    reg = registry_of(paras)
    assert reg.resolve("the minister") is None
    onodera = reg.resolve_at("the minister", 1, 30)
    assert onodera is not None and onodera.id == "itsunori-onodera"
    assert reg.resolve("the Foreign Minister") is reg.get("fumio-kishida")


def test_wire_style_lowercase_titles_and_appositives():
    reg = registry_of(
        [
            "NATO chief Mark Rutte met Japan's Foreign Minister, Yoko Kamikawa, in Brussels.",
            "Dr. Jamie Shea, the Alliance's spokesman, answered questions.",
        ]
    )
    rutte = reg.resolve("the NATO chief")
    assert rutte is not None and rutte.name == "Mark Rutte"
    kamikawa = reg.resolve("the Foreign Minister")
    assert kamikawa is not None and kamikawa.name == "Yoko Kamikawa"
    assert reg.resolve("the spokesman") is reg.resolve("Dr Shea")


def test_nobody_is_invented_from_capitalised_non_names():
    reg = registry_of(
        [
            "The Joint Political Declaration was signed in Tokyo on Monday.",
            "North Korea and the Indo-Pacific were discussed at the NATO Summit.",
        ]
    )
    assert reg.people == []


def test_merge_keeps_one_person_with_dated_roles_and_united_aliases():
    old = [
        Person(
            "jens-stoltenberg",
            "Jens Stoltenberg",
            ["Mr Stoltenberg"],
            [Role("Secretary General", "NATO", date(2015, 1, 1), "a")],
        )
    ]
    new = [
        Person(
            "jens-stoltenberg",
            "Jens Stoltenberg",
            ["Jens STOLTENBERG"],
            [Role("Secretary General", "NATO", date(2023, 7, 1), "b")],
        )
    ]
    merged = merge_people(old, new)
    assert len(merged) == 1
    assert merged[0].aliases == ["Mr Stoltenberg", "Jens STOLTENBERG"]
    assert [r.as_of for r in merged[0].roles] == [date(2015, 1, 1), date(2023, 7, 1)]
    assert old[0].roles[0].as_of == date(2015, 1, 1) and len(old[0].roles) == 1


def test_the_secretary_general_of_2013_is_not_the_one_of_2023():
    reg_2013 = registry_of(
        ["NATO Secretary General Anders Fogh Rasmussen spoke."], published=date(2013, 4, 15)
    )
    reg_2023 = registry_of(
        ["NATO Secretary General Jens Stoltenberg spoke."], published=date(2023, 7, 18)
    )
    people = merge_people(reg_2013.people, reg_2023.people)
    assert {p.name for p in people} == {"Anders Fogh Rasmussen", "Jens Stoltenberg"}
    assert reg_2013.resolve("the Secretary General").name == "Anders Fogh Rasmussen"
    assert reg_2023.resolve("the Secretary General").name == "Jens Stoltenberg"


def test_slug_folds_accents_and_case():
    assert slugify("Anders Fogh Rasmussen") == "anders-fogh-rasmussen"
    assert slugify("Radosław Sikorski") == "radoslaw-sikorski"


def test_a_short_given_name_or_a_middle_initial_is_the_same_person_across_sources():
    state = registry_of(["Secretary of State Michael R. Pompeo spoke."]).people
    wire = registry_of(["U.S. Secretary of State Mike Pompeo said the talks went well."]).people
    merged = merge_people(state, wire)
    assert [p.name for p in merged] == ["Michael R. Pompeo"]
    assert "Mike Pompeo" in merged[0].aliases


def test_two_people_sharing_a_family_name_stay_two():
    one = registry_of(["Prime Minister Fumio Kishida spoke."]).people
    other = registry_of(["Minister Nobuo Kishi spoke.", "Minister Taro Kishida spoke."]).people
    merged = merge_people(one, other)
    assert sorted(p.name for p in merged) == ["Fumio Kishida", "Nobuo Kishi", "Taro Kishida"]


def test_an_institution_named_before_a_role_is_the_roles_organisation() -> None:
    from natojp_tui.core.people import build_registry
    from natojp_tui.core.text.document import AnalysedArticle

    registry = build_registry(
        AnalysedArticle.of(
            ["The envoy lunched with National Assembly Speaker Han Do-yun on Monday."]
        )
    )
    [person] = registry.people
    assert person.name == "Han Do-yun"
    assert (person.roles[0].title, person.roles[0].organisation) == ("Speaker", "National Assembly")


def test_a_headline_verb_such_as_addresses_is_not_a_name() -> None:
    from natojp_tui.core.people import build_registry
    from natojp_tui.core.text.document import AnalysedArticle

    registry = build_registry(
        AnalysedArticle.of(["Japanese Foreign Minister Addresses NATO Council", "Hello."])
    )
    assert all(p.name != "Addresses" for p in registry.people)


def _names(*paragraphs: str) -> list[str]:
    from natojp_tui.core.people import build_registry
    from natojp_tui.core.text.document import AnalysedArticle

    return [p.name for p in build_registry(AnalysedArticle.of(list(paragraphs))).people]


def test_honorifics_ranks_and_places_do_not_become_names() -> None:
    assert _names(
        "Prime Minister Haruto Sakamoto held a meeting with the Rt Hon. Aroha Tane, Prime "
        "Minister of New Zealand."
    ) == ["Haruto Sakamoto", "Aroha Tane"]
    assert _names(
        "Air Chief Marshal Sir Edmund Hale, Chairman of the NATO Military Committee, visited "
        "the college."
    ) == ["Edmund Hale"]
    assert _names(
        "Later, he met Seoul's Joint Chiefs of Staff (JCS) Chairman Gen. Ryu Min-ho."
    ) == ["Ryu Min-ho"]
    assert _names(
        "Admiral Rob Hale visited the Busan National Cemetery and the Dora observatory."
    ) == ["Rob Hale"]


def test_a_japanese_label_in_capitals_is_put_in_given_family_order() -> None:
    assert _names("KIHARA MINORU, JAPAN MINISTER OF DEFENSE: It is an honour.") == ["Minoru Kihara"]


def test_office_letters_before_a_name_are_the_office() -> None:
    assert _names("FM Lee Ha-eun visited NATO Headquarters.", "PM Sakamoto met him.") == [
        "Lee Ha-eun",
        "Sakamoto",
    ]


def test_a_generation_suffix_stays_in_the_name_and_the_surname_still_finds_it() -> None:
    from natojp_tui.core.people import build_registry
    from natojp_tui.core.text.document import AnalysedArticle

    registry = build_registry(
        AnalysedArticle.of(["Secretary of Defense Lloyd J. Harlan III met the minister.", "x"])
    )
    assert [p.name for p in registry.people] == ["Lloyd J. Harlan III"]
    found = registry.resolve("Harlan")
    assert found is not None and found.name == "Lloyd J. Harlan III"


def test_a_label_with_a_role_after_a_comma_introduces_its_person() -> None:
    assert _names(
        "KATO KOICHI, JAPAN’S MINISTER OF DEFENSE (VIA TRANSLATOR): Welcome, Richard."
    ) == ["Koichi Kato"]


def test_an_organisations_committee_before_a_role_and_a_rank_with_its_full_stop() -> None:
    assert _names("He met NATO Military Committee Chair Adm. Rob Hale on Monday.") == ["Rob Hale"]
