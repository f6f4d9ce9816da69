"""The staff pages over HTTP against a real server with the demo loaded (SQLite and PostgreSQL):
directory search, record pages, import with a preview, matches, the scheduler job, check-in, access."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import httpx
import pytest

from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from seoro.services import browse
from seoro.services.event_import import overview
from tests.web.conftest import STAFF, Server, csrf_of, finished_job, signed_in

pytestmark = pytest.mark.e2e

PARTICIPANT = ("guest@partner.example", "participant password 1")
BAD_CSV = "기관명,기관유형,국가\n새솔테크,기업,대한민국\n아틀란티스랩,연구기관,아틀란티스\n"
GOOD_CSV = "기관명,기관유형,국가\n새솔테크,기업,대한민국\n해오름연구소,연구기관,캐나다\n"
STAFF_PAGES = [
    "/directory",
    "/directory/organisations/1",
    "/directory/experts/1",
    "/directory/profiles/1",
    "/directory/profiles/1/matches",
    "/import",
    "/events",
    "/events/new",
    "/events/1/edit",
    "/events/1",
    "/events/1/timetable",
    "/events/1/agendas",
    "/events/1/agendas/1.ics",
    "/events/1/sheets.xlsx",
    "/events/1/checkin",
    "/events/1/requests",
    "/events/1/import",
    "/events/1/follow-ups",
    "/leads",
    "/leads/new",
    "/leads/1",
    "/reminders",
    "/report",
    "/report/strengths",
    "/report.html",
    "/report.xlsx",
    "/report.pdf",
    "/report.css",
]


def _texts(html: str, testid: str) -> list[str]:
    return [unescape(x) for x in re.findall(rf'data-testid="{testid}"[^>]*>([^<]*)<', html)]


def _rows(html: str) -> int:
    table = html.split('data-testid="results"', 1)
    return table[1].split("</table>", 1)[0].count("<tr>") - 1 if len(table) == 2 else 0


def _organisations(server: Server) -> int:
    return browse.find_organisations(server.db, browse.Query(limit=None)).total


def test_directory_search_and_filters_give_exact_counts(staff: httpx.Client) -> None:
    cases = {
        "/directory": ("83건", 20),
        "/directory?kind=organisation:university": ("9건", 9),
        "/directory?kind=expert": ("100건", 20),
        "/directory?kind=expert&field=S07&country=CA": ("7건", 7),
        "/directory?kind=expert&field=S07&country=캐나다": ("7건", 7),
        "/directory?kind=profile:need&q=수소": ("7건", 7),
        "/directory?kind=expert&page=5": ("100건", 20),
    }
    for url, (total, rows) in cases.items():
        r = staff.get(url)
        assert (r.status_code, _texts(r.text, "total"), _rows(r.text)) == (200, [total], rows), url


def test_directory_pages_and_an_unknown_country(staff: httpx.Client) -> None:
    r = staff.get("/directory?kind=expert&page=5")
    assert ('rel="prev"' in r.text, 'rel="next"' in r.text) == (True, False)
    r = staff.get("/directory?country=아틀란티스")
    assert (r.status_code, _texts(r.text, "error")) == (
        200,
        ["알 수 없는 국가 '아틀란티스' (캐나다 / Canada 같은 이름이나 CA 같은 ISO 코드를 쓰세요)."],
    )


def test_a_profile_page_shows_its_fields_and_links_to_matches(staff: httpx.Client) -> None:
    r = staff.get("/directory/profiles/1")
    title = re.search(r"<h1>([^<]*)</h1>", r.text)
    assert (r.status_code, title.group(1) if title else None) == (200, "수소연료전지 스택 내구성 향상 기술")
    assert _texts(r.text, "find-partners") == ["파트너 찾기"]
    r = staff.get("/directory/organisations/1")
    assert (r.status_code, re.findall(r"<h1>([^<]*)<", r.text)) == (200, ["한빛도 "])


def test_an_import_with_a_bad_row_writes_nothing_and_a_good_one_imports_after_confirm(
    demo: Server, staff: httpx.Client
) -> None:
    before = _organisations(demo)
    token = csrf_of(staff.get("/import").text)
    files = {"files": ("기관.csv", BAD_CSV.encode(), "text/csv")}
    r = finished_job(staff, staff.post("/import", data={"csrf": token, "kind": "organisations"}, files=files))
    assert (r.status_code, _texts(r.text, "problem-row")) == (200, ["3"])
    cells = [
        unescape(c)
        for c in re.findall(r"<td>([^<]*)</td>", r.text.split('data-testid="problems"', 1)[1].split("</table>")[0])
    ]
    assert cells == [
        "기관.csv",
        "",
        "C 국가",
        "알 수 없는 국가 '아틀란티스' (캐나다 / Canada 같은 이름이나 CA 같은 ISO 코드를 쓰세요).",
    ]
    assert _organisations(demo) == before
    assert staff.post("/import/confirm", data={"csrf": token}).status_code == 400  # nothing waits to be confirmed

    files = {"files": ("기관.csv", GOOD_CSV.encode(), "text/csv")}
    r = finished_job(staff, staff.post("/import", data={"csrf": token, "kind": "organisations"}, files=files))
    counts = r.text.split('data-testid="counts"', 1)[1].split("</table>")[0]
    assert (r.status_code, re.findall(r'<td class="num">(\d+)</td>', counts)) == (200, ["2", "0", "0"])
    assert _organisations(demo) == before  # a preview writes nothing
    preview = r.url.path
    other = signed_in(demo, *STAFF)  # another session sees the preview but cannot confirm it
    page = other.get(preview).text
    assert ('data-testid="confirm"' in page, _texts(page, "not-yours") != []) == (False, True)
    assert other.post("/import/confirm", data={"csrf": csrf_of(page)}).status_code == 400
    assert 'data-testid="confirm"' in staff.get(preview).text
    r = finished_job(staff, staff.post("/import/confirm", data={"csrf": token}))
    assert (r.status_code, _texts(r.text, "imported")) == (200, ["불러오기를 마쳤습니다."])
    assert _organisations(demo) == before + 2
    assert staff.post("/import/confirm", data={"csrf": token}).status_code == 400  # confirmed once only
    assert 'data-testid="confirm"' not in staff.get(preview).text


def test_an_upload_of_another_type_is_refused(staff: httpx.Client) -> None:
    token = csrf_of(staff.get("/import").text)
    r = staff.post("/import", data={"csrf": token}, files={"files": ("notes.txt", b"hello", "text/plain")})
    assert (r.status_code, _texts(r.text, "error")) == (400, ["notes.txt: .xlsx, .csv 파일만 올릴 수 있습니다."])


def test_the_match_page_explains_each_partner(staff: httpx.Client) -> None:
    r = staff.get("/directory/profiles/1/matches")
    assert r.status_code == 200
    names = _texts(r.text, "match-name")
    assert (len(names), names[0]) == (10, "장영수 (Youngsoo Jang)")
    first = r.text.split('data-testid="explanation"', 2)[1]
    assert re.findall(r"<dt>([^<]*)</dt>", first) == ["공통 분야", "양쪽에 나온 용어", "가장 가까운 글", "점수 구성"]
    assert '수소연료전지 <span class="muted">↔</span> PEMFC' in first
    assert r.text.count('data-testid="explanation"') == 10


def test_the_scheduler_runs_as_a_job_and_the_timetable_shows_meetings(demo: Server, staff: httpx.Client) -> None:
    r = staff.get("/events/1/timetable")
    assert (r.text.count('data-testid="meeting"'), _texts(r.text, "empty") != []) == (0, True)
    token = csrf_of(staff.get("/events/1").text)
    r = staff.post("/events/1/schedule", data={"csrf": token})
    assert (r.status_code, r.headers["location"]) == (303, "/jobs/1")
    page = finished_job(staff, r).text
    assert _texts(page, "job-status") == ["완료"]
    assert (_texts(page, "sum-requests"), _texts(page, "sum-scheduled"), _texts(page, "sum-gap")) == (
        ["105"], ["104"], ["0.0 %"]
    )  # fmt: skip
    assert '<meta http-equiv="refresh"' not in page
    meetings = overview(demo.db, 1).meetings
    r = staff.get("/events/1/timetable")
    assert (meetings, r.text.count('data-testid="meeting"')) == (104, 104)
    jobs = staff.get("/").text.split('data-testid="jobs"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<a href="(/jobs/\d+)">([^<]*)</a>', jobs) == [("/jobs/1", "일정 배정")]


def test_the_search_index_is_rebuilt_as_a_job(staff: httpx.Client) -> None:
    r = staff.post("/index/rebuild", data={"csrf": csrf_of(staff.get("/").text)})
    page = finished_job(staff, r, timeout=300).text
    texts, encoded, reused = (int(_texts(page, f"sum-{k}")[0]) for k in ("texts", "encoded", "reused"))
    assert (_texts(page, "job-status"), texts > 100, encoded + reused) == (["완료"], True, texts)
    page = finished_job(staff, staff.post("/index/rebuild", data={"csrf": csrf_of(page)})).text
    assert (_texts(page, "sum-encoded"), _texts(page, "sum-reused")) == (["0"], [str(texts)])  # nothing new to encode


def test_agenda_files_download_with_their_names(staff: httpx.Client) -> None:
    r = staff.get("/events/1/agendas/1.ics")
    assert (r.status_code, r.headers["content-type"]) == (200, "text/calendar; charset=utf-8")
    assert r.headers["content-disposition"] == (
        "attachment; filename=\"0001-.ics\"; filename*=UTF-8''0001-%EA%B9%80%EB%8F%84%EC%9C%A4.ics"
    )
    assert r.content.startswith(b"BEGIN:VCALENDAR")
    r = staff.get("/events/1/sheets.xlsx")
    assert (r.status_code, r.content[:2]) == (200, b"PK")


def test_publishing_a_preliminary_agenda(staff: httpx.Client) -> None:
    token = csrf_of(staff.get("/events/1/agendas").text)
    r = staff.post("/events/1/publish", data={"csrf": token, "stage": "preliminary"})
    assert (r.status_code, r.headers["location"]) == (303, "/events/1/agendas?published=1")
    page = staff.get(r.headers["location"]).text
    assert _texts(page, "published") == ["일정표 버전 1을(를) 공개했습니다."]


def test_check_in_marks_a_person_and_can_be_undone(demo: Server, staff: httpx.Client) -> None:
    page = staff.get("/events/1/checkin?q=김도윤").text
    assert (page.count('data-testid="person"'), _texts(page, "count-in")) == (1, ["0"])
    token = csrf_of(page)
    r = staff.post("/events/1/checkin", data={"csrf": token, "participant": "1", "q": "김도윤"})
    assert (r.status_code, r.headers["location"]) == (303, "/events/1/checkin?q=%EA%B9%80%EB%8F%84%EC%9C%A4")
    page = staff.get(r.headers["location"]).text
    assert (re.findall(r'data-state="([a-z]+)"', page), _texts(page, "count-in")) == (["in"], ["1"])
    assert overview(demo.db, 1).participants[0].participant.checked_in_at is not None
    staff.post("/events/1/checkin", data={"csrf": token, "participant": "1", "undo": "1"})
    r = staff.post("/events/1/noshow", data={"csrf": token, "participant": "2"})
    assert r.headers["location"] == "/events/1/checkin?marked=1"
    page = staff.get("/events/1/checkin").text
    assert (_texts(page, "count-in"), _texts(page, "count-absent")) == (["0"], ["1"])


def test_a_check_in_without_the_csrf_token_is_refused(staff: httpx.Client) -> None:
    r = staff.post("/events/1/checkin", data={"csrf": "forged", "participant": "1"})
    assert r.status_code == 403


def test_every_staff_page_is_translated_in_both_languages(staff: httpx.Client) -> None:
    pages = [url for url in STAFF_PAGES if "." not in url.rsplit("/", 1)[-1]]
    for lang in ("ko", "en"):
        staff.post("/lang", data={"csrf": csrf_of(staff.get("/import").text), "lang": lang, "next": "/"})
        found = {url: re.findall(r"web\.staff\.[a-z_.]+|error\.[a-z_]+", staff.get(url).text) for url in pages}
        assert found == {url: [] for url in pages}, lang


def test_participants_get_403_on_every_staff_page(demo: Server) -> None:
    acc.create_account(demo.db, email=PARTICIPANT[0], name="Guest", role=Role.PARTICIPANT, password=PARTICIPANT[1],
                       participant_id=1, now=datetime.now(UTC), actor="test")  # fmt: skip
    guest = signed_in(demo, *PARTICIPANT)
    assert [guest.get(url).status_code for url in STAFF_PAGES] == [403] * len(STAFF_PAGES)
    token = csrf_of(guest.get("/login").text)
    posts = ["/events/1/schedule", "/events/1/checkin", "/events/1/noshow", "/events/1/publish", "/import/confirm",
             "/events/1/requests/1/answer", "/events/1/import/confirm", "/events/1/import/cancel",
             "/events/new", "/events/1/edit", "/index/rebuild", "/import/cancel", "/leads/new", "/leads/1/steps",
             "/leads/1/edit", "/directory/profiles/1/leads", "/events/1/follow-ups/1/arrange",
             "/events/1/follow-ups/1/lead", "/reminders/send"]  # fmt: skip
    assert [guest.post(url, data={"csrf": token, "participant": "1", "stage": "final"}).status_code
            for url in posts] == [403] * len(posts)  # fmt: skip
    anonymous = demo.client()
    r = anonymous.get("/directory?kind=expert")
    assert (r.status_code, r.headers["location"]) == (303, "/login?next=/directory%3Fkind%3Dexpert")
