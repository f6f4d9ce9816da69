"""The staff page that imports an event's participants and interpreters, or its meeting requests, over
HTTP against a real server with the demo event loaded (SQLite and PostgreSQL): a bad row is shown with
its place and writes nothing, a good file previews and is written only on confirm, CP949 files read,
the pending upload belongs to its event, and only staff may use the page, in Korean and English."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import httpx
import pytest

from seoro.demo.event import demo_event_definition
from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from seoro.services.event_import import overview
from seoro.services.events import create_event
from tests.web.conftest import Server, csrf_of, finished_job, signed_in

pytestmark = pytest.mark.e2e

PARTICIPANT = ("guest@partner.example", "participant password 1")
HEADER = "이름,소속,이메일,유형,언어\n"
HONG = '홍길동,새솔테크,gildong.hong@saesol.example.com,지역기업,"한국어, 영어"\n'
GOOD_PEOPLE = HEADER + HONG + "Jane Doe,Maple Labs,jane.doe@maple.example.org,overseas,영어\n"
BAD_PEOPLE = HEADER + HONG + "Jane Doe,Maple Labs,jane.doe@maple.example.org,관람객,영어\n"
# Two demo participants (a regional firm and an overseas expert) who have not asked each other yet.
REQUESTS = "신청자,상대방,우선순위\nrnd@green-electrolysis.example.com,jiwon.jang@maplewood-u.example.org,높음\n"
DEMO_PEOPLE, DEMO_REQUESTS = 63, 133


def _texts(html: str, testid: str) -> list[str]:
    return [unescape(x) for x in re.findall(rf'data-testid="{testid}"[^>]*>([^<]*)<', html)]


def _table(html: str, testid: str) -> str:
    return html.split(f'data-testid="{testid}"', 1)[1].split("</table>", 1)[0]


def _counts(html: str) -> list[tuple[str, list[str]]]:
    """(entity, [created, updated, unchanged]) per row of the counts table."""
    rows = re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"num\">\d+</td>)+)</tr>", _table(html, "counts"))
    return [(unescape(name), re.findall(r"\d+", numbers)) for name, numbers in rows]


def _preview(client: httpx.Client, name: str, content: bytes, what: str, event: int = 1) -> httpx.Response:
    """The preview job's page, once it has finished."""
    token = csrf_of(client.get(f"/events/{event}/import").text)
    files = {"files": (name, content, "text/csv")}
    return finished_job(client, client.post(f"/events/{event}/import", data={"csrf": token, "what": what}, files=files))


def _post(client: httpx.Client, url: str) -> httpx.Response:
    return client.post(url, data={"csrf": csrf_of(client.get("/events/1/import").text)})


def _confirm(client: httpx.Client, event: int = 1) -> httpx.Response:
    """The import job's page, once it has finished."""
    return finished_job(client, _post(client, f"/events/{event}/import/confirm"))


def _people(server: Server) -> list[str]:
    return [v.participant.name.ko or v.participant.name.en for v in overview(server.db, 1).participants]


def _requests(server: Server) -> int:
    return sum(overview(server.db, 1).requests.values())


def _waiting(tmp_path: Path) -> list[Path]:
    """Upload folders still kept (the server's data folder is the test's tmp_path)."""
    root = tmp_path / "uploads"
    return sorted(root.iterdir()) if root.is_dir() else []


def test_a_bad_row_is_shown_with_its_place_and_nothing_is_written(
    demo: Server, staff: httpx.Client, tmp_path: Path
) -> None:
    r = _preview(staff, "참가자.csv", BAD_PEOPLE.encode(), "people")
    assert (r.status_code, _texts(r.text, "problem-row")) == (200, ["3"])
    assert 'data-testid="confirm"' not in r.text
    assert _texts(r.text, "nothing-written") == [
        "문제 1건이 있어 아무것도 저장하지 않았습니다. 파일을 고쳐서 다시 올리세요."
    ]
    cells = [unescape(c) for c in re.findall(r"<td>([^<]*)</td>", _table(r.text, "problems"))]
    assert cells == [
        "참가자.csv",
        "",
        "D 유형",
        "알 수 없는 참가 유형 '관람객' (이 행사의 유형: regional (지역기업 (Regional firm)), "
        "overseas (해외 파트너 (Overseas partner))).",
    ]
    assert "<code>type</code>" in _table(r.text, "problems")
    assert len(_people(demo)) == DEMO_PEOPLE
    assert _waiting(tmp_path) == []  # the rejected files are not kept
    assert _post(staff, "/events/1/import/confirm").status_code == 400  # nothing waits to be confirmed


def test_a_good_file_previews_and_is_written_only_on_confirm(demo: Server, staff: httpx.Client, tmp_path: Path) -> None:
    r = _preview(staff, "참가자.csv", GOOD_PEOPLE.encode(), "people")
    assert (r.status_code, _counts(r.text)) == (200, [("참가자", ["2", "0", "0"])])
    assert _texts(r.text, "preview-ok") == [
        "문제가 없습니다. 아래 내용으로 불러오려면 확인을 누르세요. 아직 저장되지 않았습니다."
    ]
    labels = re.findall(r"<td>([^<]*)</td></tr>", _table(r.text, "changes"))
    assert labels == ["홍길동", "Jane Doe"]
    assert (len(_people(demo)), len(_waiting(tmp_path))) == (DEMO_PEOPLE, 1)  # a preview writes nothing
    assert 'data-testid="confirm"' in r.text
    r = _confirm(staff)
    assert (r.status_code, _texts(r.text, "imported")) == (200, ["불러오기를 마쳤습니다."])
    assert _counts(r.text) == [("참가자", ["2", "0", "0"])]
    people = _people(demo)
    assert (len(people), people[-2:]) == (DEMO_PEOPLE + 2, ["홍길동", "Jane Doe"])
    assert _waiting(tmp_path) == []
    assert _post(staff, "/events/1/import/confirm").status_code == 400  # confirmed once only
    r = _preview(staff, "참가자.csv", GOOD_PEOPLE.encode(), "people")  # the same file again changes nothing
    assert _counts(r.text) == [("참가자", ["0", "0", "2"])]


def test_a_cancelled_preview_writes_nothing_and_forgets_the_files(
    demo: Server, staff: httpx.Client, tmp_path: Path
) -> None:
    _preview(staff, "참가자.csv", GOOD_PEOPLE.encode(), "people")
    r = _post(staff, "/events/1/import/cancel")
    assert (r.status_code, 'data-testid="what"' in r.text, _waiting(tmp_path)) == (200, True, [])
    assert _post(staff, "/events/1/import/confirm").status_code == 400
    assert len(_people(demo)) == DEMO_PEOPLE


def test_a_meeting_request_between_two_participants_is_imported(demo: Server, staff: httpx.Client) -> None:
    r = _preview(staff, "미팅신청.csv", REQUESTS.encode(), "requests")
    assert (r.status_code, _counts(r.text)) == (200, [("미팅 신청", ["1", "0", "0"])])
    assert _requests(demo) == DEMO_REQUESTS
    r = _confirm(staff)
    assert (r.status_code, _counts(r.text)) == (200, [("미팅 신청", ["1", "0", "0"])])
    assert _requests(demo) == DEMO_REQUESTS + 1


def test_a_cp949_file_is_read(demo: Server, staff: httpx.Client) -> None:
    r = _preview(staff, "참가자.csv", GOOD_PEOPLE.encode("cp949"), "people")
    assert (r.status_code, _counts(r.text)) == (200, [("참가자", ["2", "0", "0"])])
    _confirm(staff)
    assert _people(demo)[-2:] == ["홍길동", "Jane Doe"]


def test_a_file_without_a_header_is_named_as_uploaded(staff: httpx.Client) -> None:
    r = _preview(staff, "메모.csv", "아무 말\n그냥 글\n".encode(), "people")
    assert (r.status_code, _texts(r.text, "job-status"), _texts(r.text, "error")) == (
        200,
        ["실패"],
        [
            "메모.csv에서 머리글 행을 찾지 못했습니다. 첫 행들에 열 이름(예: 기관명, 국가, 기술분야)이 있어야 합니다 "
            "(`seoro template` 참고)."
        ],
    )


def test_a_pending_upload_cannot_be_confirmed_for_another_event(demo: Server, staff: httpx.Client) -> None:
    other = create_event(demo.db, demo_event_definition(), actor="test")
    _preview(staff, "참가자.csv", GOOD_PEOPLE.encode(), "people")
    assert _post(staff, f"/events/{other}/import/confirm").status_code == 400
    assert _post(staff, f"/events/{other}/import/cancel").status_code == 200  # leaves event 1's upload alone
    assert overview(demo.db, other).participants == []
    r = _confirm(staff)
    assert (r.status_code, _texts(r.text, "imported"), len(_people(demo))) == (
        200,
        ["불러오기를 마쳤습니다."],
        DEMO_PEOPLE + 2,
    )


def test_an_unknown_event_is_not_found(staff: httpx.Client) -> None:
    assert staff.get("/events/99/import").status_code == 404
    token = csrf_of(staff.get("/events/1/import").text)
    files = {"files": ("참가자.csv", GOOD_PEOPLE.encode(), "text/csv")}
    r = staff.post("/events/99/import", data={"csrf": token, "what": "people"}, files=files)
    assert r.status_code == 404


def test_only_staff_may_import(demo: Server) -> None:
    acc.create_account(demo.db, email=PARTICIPANT[0], name="Guest", role=Role.PARTICIPANT, password=PARTICIPANT[1],
                       participant_id=1, now=datetime.now(UTC), actor="test")  # fmt: skip
    guest = signed_in(demo, *PARTICIPANT)
    token = csrf_of(guest.get("/login").text)
    files = {"files": ("참가자.csv", GOOD_PEOPLE.encode(), "text/csv")}
    statuses = [
        guest.get("/events/1/import").status_code,
        guest.post("/events/1/import", data={"csrf": token, "what": "people"}, files=files).status_code,
        guest.post("/events/1/import/confirm", data={"csrf": token}).status_code,
        guest.post("/events/1/import/cancel", data={"csrf": token}).status_code,
    ]
    assert statuses == [403] * 4
    assert len(_people(demo)) == DEMO_PEOPLE
    r = demo.client().get("/events/1/import")
    assert (r.status_code, r.headers["location"]) == (303, "/login?next=/events/1/import")


def test_the_page_is_in_english_too(staff: httpx.Client) -> None:
    staff.post("/lang", data={"csrf": csrf_of(staff.get("/events/1/import").text), "lang": "en", "next": "/"})
    r = staff.get("/events/1/import")
    assert (re.findall(r"<h1>([^<]*)</h1>", r.text), re.findall(r"<option[^>]*>([^<]*)</option>", r.text)) == (
        ["Import event lists"],
        ["Participants and interpreters", "Meeting requests"],
    )
    assert re.findall(r"web\.staff\.[a-z_.]+|cli\.[a-z_.]+|error\.[a-z_]+", r.text) == []
    r = _preview(staff, "participants.csv", BAD_PEOPLE.encode(), "people")
    assert re.findall(r"<h1>([^<]*)</h1>", r.text) == ["Spreadsheet import"]
    assert _texts(r.text, "nothing-written") == [
        "1 problem(s) found, so nothing was saved. Fix the file and upload it again."
    ]
    assert "Unknown participation type '관람객' (this event has: " in unescape(r.text)
    r = _preview(staff, "participants.csv", GOOD_PEOPLE.encode(), "people")
    assert _counts(r.text) == [("Participants", ["2", "0", "0"])]
