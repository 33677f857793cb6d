"""For any table: after suppression the auditor recomputes no suppressed cell."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.stats import disclosure, publication
from wegwijzer.stats.disclosure import AT_MOST, COVER, SUM, Relation, System

THRESHOLD = 10
# Small counts on purpose: most cells are below the threshold and need protecting.
counts = st.integers(min_value=0, max_value=40)
profile = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_safe(system: System, threshold: int = THRESHOLD, integer: bool = False):
    suppression = disclosure.protect(system, threshold)
    assert suppression.primary == disclosure.primary_cells(system.values, threshold)
    published = suppression.published(system.values)
    findings = disclosure.check(
        published, system.relations, system.values, threshold, integer=integer
    )
    assert findings == []
    return suppression


@profile
@given(st.lists(counts, min_size=1, max_size=9), st.integers(3, 12))
def test_one_way_tables(values, threshold):
    assert_safe(disclosure.one_way("t", values), threshold)


@profile
@given(
    st.integers(2, 5).flatmap(
        lambda rows: st.lists(
            st.lists(counts, min_size=rows, max_size=rows), min_size=2, max_size=5
        )
    )
)
def test_two_way_tables_with_margins(matrix):
    assert_safe(disclosure.two_way("m", matrix))


@st.composite
def linked_tables(draw):
    """Units with a year, one category in two breakdowns and one or more forms: tables
    sharing their year totals, a multi-response table, margins over the years, and a
    totals row bounded by a registrations row, as the registry publishes them."""
    years = draw(st.integers(1, 3))
    units = draw(
        st.lists(
            st.tuples(
                st.integers(0, years - 1),
                st.integers(0, 2),
                st.integers(0, 3),
                st.frozensets(st.integers(0, 2), min_size=1),
            ),
            max_size=120,
        )
    )
    extra_registrations = draw(st.lists(st.integers(0, 15), min_size=years, max_size=years))
    values, relations = {}, []
    columns = [*range(years), "all"]

    def count(predicate, year):
        if year == "all":
            return sum(1 for u in units if predicate(u))
        return sum(1 for u in units if u[0] == year and predicate(u))

    for column in columns:
        values[("persons", column)] = count(lambda u: True, column)
        extra = sum(extra_registrations) if column == "all" else extra_registrations[column]
        values[("registrations", column)] = values[("persons", column)] + extra
        relations.append(Relation(AT_MOST, ("registrations", column), (("persons", column),)))
        for name, field, size, kind in (("a", 1, 3, SUM), ("b", 2, 4, SUM), ("f", 3, 3, COVER)):
            parts = []
            for category in range(size):
                cell = (name, category, column)
                if field == 3:
                    values[cell] = count(lambda u, c=category: c in u[3], column)
                else:
                    values[cell] = count(lambda u, c=category, f=field: u[f] == c, column)
                parts.append(cell)
            relations.append(Relation(kind, ("persons", column), tuple(parts)))
    for key in {cell[:-1] for cell in values}:
        parts = tuple((*key, year) for year in range(years))
        relations.append(Relation(SUM, (*key, "all"), parts))
    return System(values, relations)


@profile
@given(linked_tables())
def test_tables_sharing_totals_with_multi_response_rows(system):
    assert_safe(system)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked_tables())
def test_a_reader_solving_integer_programmes_does_no_better(system):
    assert_safe(system, integer=True)


registrations = st.lists(
    st.fixed_dictionaries(
        {
            "year": st.integers(2020, 2022),
            "person_key": st.one_of(st.none(), st.sampled_from("abcdefghijklmnopqrst")),
            "forms": st.lists(
                st.sampled_from(["sexual", "labour", "criminal", "organ_removal", "other"]),
                min_size=1,
                max_size=2,
            ),
            "nationality": st.sampled_from(["NL", "RO", "PL", "NG", None]),
            "minor": st.sampled_from([True, False, None]),
            "gender": st.sampled_from(["female", "male", "other", None]),
            "organisation_type": st.sampled_from(["police", "kmar", "care"]),
            "sector": st.sampled_from(["construction", "hospitality", None]),
            "police_report": st.sampled_from([True, False, None]),
        }
    ),
    min_size=1,
    max_size=50,
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registrations)
def test_every_published_registry_table_survives_the_auditor(records):
    # publish() refuses to return anything its audit rejects; audit again independently,
    # as an integer-programming reader, and check no small count is in view.
    result = publication.publish(records)
    system = publication.system_of(t.table for t in result.tables)
    published = result.suppression.published(system.values)
    assert disclosure.check(published, system.relations, system.values, integer=True) == []
    for table in result.tables:
        for row in table.all_rows:
            for column in table.columns:
                shown = table.value(row, column)
                assert shown is None or not 0 < shown < THRESHOLD
