"""The date resolver against a dateline: relative expressions follow the tense, absolute ones the year."""
import datetime as dt

import pytest

from pipeline.extract.dates import resolve

THU = dt.date(2015, 11, 26)  # a Thursday


@pytest.mark.parametrize("text,future,expected,basis", [
    ("today", False, "2015-11-26", "RELATIVE"),
    ("Earlier today", False, "2015-11-26", "RELATIVE"),
    ("yesterday", False, "2015-11-25", "RELATIVE"),
    ("tomorrow", True, "2015-11-27", "RELATIVE"),
    ("on Monday", False, "2015-11-23", "RELATIVE"),
    ("on Monday", True, "2015-11-30", "RELATIVE"),
    ("Thursday", False, "2015-11-26", "RELATIVE"),
    ("next Tuesday", False, "2015-12-01", "RELATIVE"),
    ("last Thursday", False, "2015-11-19", "RELATIVE"),
    ("last week", False, "2015-11-19", "RELATIVE"),
    ("two days ago", False, "2015-11-24", "RELATIVE"),
    ("Nov. 26, 2015", False, "2015-11-26", "EXPLICIT"),
    ("12 June 2019", False, "2019-06-12", "EXPLICIT"),
    ("March 3", False, "2015-03-03", "EXPLICIT"),
    ("March 3", True, "2016-03-03", "EXPLICIT"),
    ("December 1", True, "2015-12-01", "EXPLICIT"),
    ("July 29", True, "2015-07-29", "EXPLICIT"),  # four months back beats eight ahead, whatever the tense
])
def test_resolution(text, future, expected, basis):
    r = resolve(text, THU, future)
    assert r is not None
    assert r.date.isoformat() == expected
    assert r.basis == basis
    assert r.text == text


@pytest.mark.parametrize("text", ["", "for decades", "the past", "30 February 2015"])
def test_non_dates_give_nothing(text):
    assert resolve(text, THU) is None


def test_relative_dates_follow_any_dateline():
    for offset in range(14):
        day = THU + dt.timedelta(days=offset)
        r = resolve("on Monday", day)
        assert r.date.weekday() == 0 and 0 <= (day - r.date).days < 7
        r = resolve("on Monday", day, future=True)
        assert r.date.weekday() == 0 and 0 <= (r.date - day).days < 7


def test_a_month_alone_is_the_month_the_tense_points_to():
    import datetime as dt
    from pipeline.extract.dates import resolve

    anchor = dt.date(2023, 5, 10)
    assert resolve("in November", anchor, future=True).date == dt.date(2023, 11, 1)
    assert resolve("in November", anchor, future=False).date == dt.date(2022, 11, 1)
    assert resolve("in June 2021", anchor).date == dt.date(2021, 6, 1)
    assert resolve("in May", anchor).date == anchor  # the dateline's own month: the dateline
    assert resolve("in November", anchor, future=True).precision == "month"


def test_words_that_start_like_a_month_are_not_months():
    import datetime as dt
    from pipeline.extract.dates import resolve

    anchor = dt.date(2016, 9, 10)
    assert resolve("a decade ago", anchor).date.year == 2006
    assert resolve("decades", anchor) is None
    assert resolve("Sept. 6", anchor).date == dt.date(2016, 9, 6)


def test_dates_told_from_the_story_read_how_far_and_which_way():
    from pipeline.extract.dates import narratives
    (n,) = narratives("A day later, Zelensky was in Athens")
    assert (n.days, n.anchored) == (1, False)
    (n,) = narratives("The talks came two days after Erdogan welcomed Herzog")
    assert (n.days, n.anchored) == (2, True)
    (n,) = narratives("Biden, who had met Zelenskyy the day before, arrived")
    assert (n.days, n.anchored) == (-1, False)
    assert [n.days for n in narratives("Hours later he landed; later that day he left")] == [0, 0]
    assert not narratives("the day before yesterday")


def test_a_range_of_days_written_day_first_is_its_first_day():
    anchor = dt.date(2023, 6, 18)
    for written in ("on 27 and 28 July", "27-28 July", "from 27 to 28 July", "July 27-28", "27 July"):
        assert resolve(written, anchor).date == dt.date(2023, 7, 27), written


def test_a_day_of_the_month_without_its_month_and_the_following_morning():
    day = dt.date(2024, 7, 9)
    assert resolve("on the 14th of last month", day).date == dt.date(2024, 6, 14)
    assert resolve("on the 14th", day).date == dt.date(2024, 6, 14)  # past: the last 14th
    assert resolve("on the 14th", day, future=True).date == dt.date(2024, 7, 14)
    assert resolve("the 20th anniversary", day) is None
    from pipeline.extract.dates import narratives
    assert [n.days for n in narratives("to meet Duda in Warsaw the following morning")] == [1]
    assert [n.days for n in narratives("Exactly a fortnight earlier, Abbott had committed")] == [-14]


def test_a_pledge_for_a_purpose_keeps_its_past_day_and_a_plans_end_is_no_day():
    from pipeline.articles import validate
    from pipeline.extract.extractor import Extractor
    x = Extractor.shared()

    def dated(body, published):
        (e,) = [e for e in x.extract(validate({"article_id": "t", "source": "test.example", "published_at": published,
                                                 "title": "", "body": body}))
                if e["event_type"] == "military_contribution"]
        return str(e["date"])
    assert dated("Sweden pledged $300 million to buy artillery ammunition for Ukraine on Monday.", "2024-03-12") == \
        "2024-03-11"
    assert dated("Under the plan, which runs until May 19 next year, Japan will send up to six ships to the Indian Ocean.",
                 "2001-11-16") == "2001-11-16"


@pytest.mark.parametrize("paragraph, expected, precision", [
    ("July 19, 2000 - Putin becomes the first Kremlin leader to visit Pyongyang.", "2000-07-19", "day"),
    ("JAN. 14 — Britain becomes the first country to promise tanks.", "2023-01-14", "day"),
    ("-- March 22-24, 2013: Xi chose Russia as the destination of his first trip.", "2013-03-22", "day"),
    ("17 January 2012 - Tuareg rebels attack.", "2012-01-17", "day"),
    ("May-July 1999 - Pakistani troops cross the Line of Control.", "1999-05-01", "month"),
    ("1998 — After the nuclear tests, Riyadh sends oil.", "1998-01-01", "year"),
    ("- October 7: Hamas fighters storm southern Israel.", "2022-10-07", "day"),  # an entry looks back
])
def test_a_timeline_entry_opens_with_its_date(paragraph, expected, precision):
    from pipeline.extract.dates import entry_date
    r = entry_date(paragraph, dt.date(2023, 9, 26))
    assert (str(r.date), r.precision) == (expected, precision)


@pytest.mark.parametrize("paragraph", ["AUSTRALIA - Prime Minister Tony Abbott said ...", "SEOUL (Reuters) - Russian ...",
                                       "Here are the key dates:", "On Monday - as expected - nothing happened."])
def test_a_paragraph_that_opens_with_no_date_is_no_entry(paragraph):
    from pipeline.extract.dates import entry_date
    assert entry_date(paragraph, dt.date(2023, 9, 26)) is None


def test_a_day_range_keeps_its_year():
    assert resolve("October 7-10, 1998", dt.date(2023, 9, 26)).date == dt.date(1998, 10, 7)
    assert resolve("on July 15 and 16, 2001", dt.date(2003, 8, 1)).date == dt.date(2001, 7, 15)
    assert resolve("June 5 to 7, 2019", dt.date(2023, 9, 26)).date == dt.date(2019, 6, 5)


def test_an_anniversary_counts_back_whole_years_from_the_dateline():
    assert str(resolve("A year ago today", THU).date) == "2014-11-26"
    assert str(resolve("Twenty years ago today", THU).date) == "1995-11-26"
    assert resolve("ten years ago this week", THU).precision == "week"
    assert str(resolve("today", THU).date) == "2015-11-26"


def test_a_year_ago_today_is_one_expression_not_today():
    from pipeline.extract.dates import expressions
    assert expressions("A year ago today, Sarkozy hosted a summit in Paris.") == [(0, "A year ago today")]


def test_a_day_of_the_month_last_year_is_one_expression_of_that_year():
    from pipeline.extract.dates import expressions
    found = expressions("On October 7 last year, Hamas-led fighters broke through the fence.")
    assert found == [(3, "October 7 last year")] and str(resolve(found[0][1], dt.date(2024, 10, 7)).date) == "2023-10-07"


def test_a_day_last_year_is_a_past_time_the_passage_is_set_in():
    from pipeline.extract.dates import past_dates
    text = "A year after Xi met Fumio Kishida in San Francisco on Nov. 16 last year, he met Ishiba on 3 March last year."
    assert [str(d) for _, d in past_dates(text, dt.date(2024, 11, 16))] == ["2023-11-16", "2023-03-03"]
