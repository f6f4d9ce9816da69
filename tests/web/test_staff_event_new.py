"""Staff set up a new event on the web: the form (the settings of ``seoro event create``), an optional
event file under it, and a wrong setting named on the form with nothing saved."""

from __future__ import annotations

import re
from html import unescape

import httpx
import pytest

from seoro.services.events import get_event, list_events
from tests.web.conftest import STAFF, Server, csrf_of, signed_in

pytestmark = pytest.mark.e2e

FORM = {
    "name_ko": "2027 해오름 기술협력 상담회", "name_en": "2027 Haeorum Partnering Day", "venue": "해오름홀",
    "timezone": "Asia/Seoul", "days": "2027-03-10, 2027-03-11", "sessions": "오전=09:30-12:10\n오후=13:30-15:10",
    "breaks": "10:50-11:10", "slot_minutes": "20", "tables": "6",
    "types": "regional=지역기업/Regional firm:6\noverseas=해외 파트너/Overseas partner:6",
    "cross_type_only": "1", "max_in_a_row": "3", "expiry_hours": "48",
}  # fmt: skip
TOML = b'name_en = "From the file"\ndays = [2027-05-20]\nslot_minutes = 30\n[[sessions]]\ncode = "am"\nstart = "10:00"\nend = "12:00"\n[tables]\ncount = 4\n'


@pytest.fixture
def staff(live_server: Server) -> httpx.Client:
    return signed_in(live_server, *STAFF)


def _post(
    staff: httpx.Client, data: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None
) -> httpx.Response:
    token = csrf_of(staff.get("/events/new").text)
    return staff.post("/events/new", data={"csrf": token, **data}, files=files or {"file": ("", b"")})


def test_an_event_is_set_up_from_the_form(live_server: Server, staff: httpx.Client) -> None:
    page = staff.get("/events/new")
    assert page.status_code == 200 and "오전=09:30-12:10" in page.text  # an example to start from
    r = _post(staff, FORM)
    assert r.status_code == 303, r.text
    event_id = int(r.headers["location"].rsplit("/", 1)[1])
    e = get_event(live_server.db, event_id)
    assert (e.name.ko, e.name.en, e.venue) == (FORM["name_ko"], FORM["name_en"], "해오름홀")
    assert sorted({s.day.isoformat() for s in e.sessions}) == ["2027-03-10", "2027-03-11"]
    # 09:30-12:10 with a 10:50-11:10 break: 4 + 3 slots of 20 minutes; 13:30-15:10: 5; on two days
    assert len(e.slots()) == 2 * (4 + 3 + 5)
    assert (len(e.tables), [t.code for t in e.types], e.cross_type_only, e.auto_accept) == (
        6, ["regional", "overseas"], True, False)  # fmt: skip
    assert (e.max_in_a_row, e.request_expiry_hours) == (3, 48)
    shown = staff.get(r.headers["location"]).text
    assert FORM["name_ko"] in unescape(shown)


def test_a_wrong_setting_is_named_on_the_form_and_nothing_is_saved(live_server: Server, staff: httpx.Client) -> None:
    before = len(list_events(live_server.db))
    r = _post(staff, {**FORM, "sessions": "오전=9시부터"})
    assert r.status_code == 422
    error = unescape(re.search(r'data-testid="error">([^<]*)<', r.text).group(1))  # type: ignore[union-attr]
    assert error.startswith("새 행사: 세션 (날마다) = 오전=9시부터") and "09:30-12:10" in error  # field, value, example
    assert FORM["name_ko"] in unescape(r.text) and "9시부터" in unescape(r.text)  # what was typed is kept
    assert len(list_events(live_server.db)) == before


def test_an_event_file_is_read_and_the_form_overrides_it(live_server: Server, staff: httpx.Client) -> None:
    r = _post(staff, {"name_ko": "파일로 만든 행사"}, files={"file": ("day.toml", TOML)})
    assert r.status_code == 303, r.text
    e = get_event(live_server.db, int(r.headers["location"].rsplit("/", 1)[1]))
    assert (e.name.ko, e.name.en, len(e.tables), len(e.slots())) == ("파일로 만든 행사", "From the file", 4, 4)
    bad = _post(staff, {}, files={"file": ("broken.toml", b"days = [")})
    assert bad.status_code == 422 and "broken.toml" in unescape(bad.text)


def test_the_form_reads_in_english(staff: httpx.Client) -> None:
    staff.post("/lang", data={"csrf": csrf_of(staff.get("/events/new").text), "lang": "en", "next": "/"})
    page = staff.get("/events/new").text
    assert "<h1>New event</h1>" in page and "web.staff" not in page
