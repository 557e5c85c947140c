"""End to end in headless Chromium: a real uvicorn server (``create_app``) on 127.0.0.1,
driven through the chat page and the admin page as a person would.

The core is the real one (KnowledgeBase + AnswerEngine on a tiny corpus in a tmp TROLY_DATA)
when those modules are installed; until then an in-memory stand-in (tests/web_fakes.py) so
the pages are still exercised. Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import functools
import http.server
import logging
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from troly.config import Settings

pytestmark = pytest.mark.e2e
log = logging.getLogger(__name__)

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TOKEN = "e2e-admin-token"
WAIT = 120  # seconds: the first answer may load the encoder

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("chromium/chromedriver not installed (run `make e2e-deps`)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
app_mod = pytest.importorskip("troly.server.app", reason="troly.server.app (issue 5) is not there yet")

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CORPUS = {
    "ke-hoach-12.txt": (
        "HUYỆN ỦY ĐỨC TRỌNG\nSố 12-KH/HU\n\nKẾ HOẠCH\nthực hiện phong trào trồng cây xanh năm 2025\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên về bảo vệ môi trường.\n\n"
        "II. NHIỆM VỤ\n1. Ủy ban nhân dân huyện chỉ đạo trồng 5.000 cây xanh dọc các tuyến đường, "
        "hoàn thành trước ngày 30/6/2025.\n2. Huyện đoàn phát động thanh niên chăm sóc cây xanh "
        "tại các trường học.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn An\n"
    ),
}
UPLOAD_LINES = [
    "ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG", "Số 77-KH/UBND", "KẾ HOẠCH",
    "kiểm tra bãi rác tập trung năm 2025", "I. NHIỆM VỤ",
    "1. Phòng Tài nguyên và Môi trường kiểm tra bãi rác tập trung tại các xã, báo cáo trước ngày 30/9/2025.",
    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Thị Bình",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _core_factory(settings: Settings, corpus: Path):
    """The real core on the tiny corpus; the in-memory stand-in when the real one is missing."""
    try:
        from troly.bot.channels.runtime import load_core
        import troly.bot.engine  # noqa: F401
        import troly.ingest.pipeline  # noqa: F401
    except ImportError as exc:
        log.warning("e2e runs on the in-memory stand-in: %s", exc)
        return _fake_core(settings, corpus), "stand-in"

    def real():
        core = load_core(settings)
        core.services.kb.ingest(sorted(corpus.iterdir()))
        return core

    return real, "real"


def _fake_core(settings: Settings, corpus: Path):
    from troly.bot.channels.core import ConversationCore, Services
    from troly.bot.feedback import FeedbackStore

    from web_fakes import MemoryKB, QuoteEngine

    def make():
        kb = MemoryKB(settings.db_path)
        for path in sorted(corpus.iterdir()):
            kb.ingest_file(path, path.name)
        return ConversationCore(Services(engine=QuoteEngine(kb), kb=kb, settings=settings,
                                         feedback=FeedbackStore(kb.connect)))

    return make


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    data = tmp_path_factory.mktemp("troly-data")
    corpus = tmp_path_factory.mktemp("corpus")
    for name, body in CORPUS.items():
        (corpus / name).write_text(body, encoding="utf-8")
    settings = Settings(data_dir=data, admin_token=TOKEN, rate_limit=1000)
    factory, mode = _core_factory(settings, corpus)
    app = app_mod.create_app(settings, core_factory=factory, telegram=False, zalo=False)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not srv.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    if not srv.started:
        srv.should_exit = True
        pytest.fail("the troly server did not start")
    yield {"url": f"http://127.0.0.1:{port}/", "settings": settings, "mode": mode}
    srv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.options import Options

    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=vi-VN"):
        opts.add_argument(arg)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as exc:  # a broken browser install is an environment problem, not a failure
        pytest.skip(f"chromium could not start: {exc}")
    driver.set_window_size(1366, 900)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver, cond, timeout: float = WAIT):
    return WebDriverWait(driver, timeout).until(cond)


def _text(element) -> str:
    """The element's text even mid fade-in (Selenium's .text is empty while opacity is 0)."""
    return (element.get_attribute("textContent") or "").strip()


def _click(element) -> None:
    """Click as a person would: after scrolling the element into the middle of its scroller."""
    element.parent.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def _answers(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#log .msg-bot:not(.welcome):not(.typing)")


def _ask(driver, question: str):
    before = len(_answers(driver))
    box = driver.find_element(By.ID, "q")
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    _wait(driver, lambda d: len(_answers(d)) > before and not d.find_elements(By.ID, "typing"))
    answer = _answers(driver)[-1]
    assert "msg-error" not in answer.get_attribute("class"), _text(answer)
    return answer


def _open_sources(answer) -> list[str]:
    details = answer.find_element(By.CSS_SELECTOR, "details.sources")
    if details.get_attribute("open") is None:
        _click(details.find_element(By.TAG_NAME, "summary"))
    quotes = details.find_elements(By.CSS_SELECTOR, "blockquote.source-quote")
    assert quotes and all(q.is_displayed() for q in quotes)
    return [_text(q) for q in quotes] + [_text(e) for e in details.find_elements(By.CSS_SELECTOR, ".source-doc")]


def _db(server, sql: str, args: tuple = ()) -> list[tuple]:
    with sqlite3.connect(server["settings"].db_path) as conn:
        return conn.execute(sql, args).fetchall()


def test_chat_question_follow_up_and_feedback(server, browser):
    d = browser
    d.get(server["url"])
    _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "#log .welcome")))
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert d.find_element(By.CSS_SELECTOR, "label[for=q]")

    first = _ask(d, "Ủy ban nhân dân huyện phải trồng bao nhiêu cây xanh?")
    assert _text(first.find_element(By.CSS_SELECTOR, ".text"))
    assert any("5.000" in t or "12-KH/HU" in t for t in _open_sources(first))

    conv = d.execute_script("return sessionStorage.getItem('troly.conversation')")
    second = _ask(d, "Thời hạn hoàn thành là khi nào?")
    assert "30/6/2025" in _text(second.find_element(By.CSS_SELECTOR, ".text"))  # answered from the first turn's plan
    assert d.execute_script("return sessionStorage.getItem('troly.conversation')") == conv
    rows = _db(server, "SELECT chat_id, question FROM question_log WHERE channel='web' ORDER BY id")
    assert [r[0] for r in rows[-2:]] == [conv, conv]  # both questions in one conversation

    up = first.find_element(By.CSS_SELECTOR, "button.btn-vote[data-vote='1']")
    _click(up)
    _wait(d, lambda _: up.get_attribute("aria-pressed") == "true")
    assert _text(first.find_element(By.CSS_SELECTOR, ".feedback-note"))
    first_q = rows[-2][1]
    assert _db(server, "SELECT vote FROM question_log WHERE question=?", (first_q,)) == [(1,)]

    # screenshots: desktop and phone, sources open
    d.save_screenshot(str(ARTIFACTS / "chat-desktop.png"))
    d.set_window_size(390, 844)
    d.refresh()  # the tab's conversation is restored from sessionStorage
    _wait(d, lambda dd: len(_answers(dd)) >= 2)
    _open_sources(_answers(d)[0])
    d.save_screenshot(str(ARTIFACTS / "chat-phone.png"))
    width = d.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    d.set_window_size(1366, 900)


def test_server_down_shows_a_clear_message(server, browser):
    d = browser
    d.get(server["url"])
    _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "#log .welcome")))
    # the page stays, the API goes away: point fetch at a closed port
    d.execute_script("""
        const real = window.fetch;
        window.fetch = (u, o) => real('http://127.0.0.1:9/' + u, o);
    """)
    box = d.find_element(By.ID, "q")
    box.send_keys("Câu hỏi khi máy chủ tắt")
    box.send_keys(Keys.ENTER)
    err = _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "#log .msg-error")))
    assert "máy chủ" in _text(err).lower() or "hệ thống" in _text(err).lower()
    retry = err.find_element(By.CSS_SELECTOR, "button.btn-retry")
    _wait(d, lambda _: retry.is_displayed(), 10)  # after the fade-in


def _admin_rows(d):
    return d.find_elements(By.CSS_SELECTOR, "#docs tbody tr")


def test_admin_upload_ask_and_remove(server, browser, tmp_path):
    import docx

    d = browser
    d.get(server["url"] + "admin")
    d.find_element(By.ID, "token").send_keys("wrong-token" + Keys.ENTER)
    _wait(d, EC.visibility_of_element_located((By.ID, "login-error")))
    d.find_element(By.ID, "token").send_keys(TOKEN + Keys.ENTER)
    _wait(d, lambda dd: len(_admin_rows(dd)) >= 1)
    before = len(_admin_rows(d))

    path = tmp_path / "ke-hoach-77.docx"
    document = docx.Document()
    for line in UPLOAD_LINES:
        document.add_paragraph(line)
    document.save(str(path))
    d.find_element(By.ID, "file").send_keys(str(path))
    d.find_element(By.ID, "upload-btn").click()
    _wait(d, lambda dd: "ok" in dd.find_element(By.ID, "upload-status").get_attribute("class"))
    _wait(d, lambda dd: len(_admin_rows(dd)) == before + 1)
    d.save_screenshot(str(ARTIFACTS / "admin-desktop.png"))

    d.get(server["url"])
    answer = _ask(d, "Phòng Tài nguyên và Môi trường kiểm tra bãi rác, báo cáo trước ngày nào?")
    assert any("bãi rác" in t or "77-KH" in t for t in _open_sources(answer))

    d.get(server["url"] + "admin")
    _wait(d, lambda dd: len(_admin_rows(dd)) == before + 1)
    row = next(r for r in _admin_rows(d) if "77" in _text(r) or "bãi rác" in _text(r))
    _click(row.find_element(By.CSS_SELECTOR, "button.btn-danger"))
    _wait(d, EC.alert_is_present()).accept()
    _wait(d, lambda dd: len(_admin_rows(dd)) == before)
    assert not any("bãi rác" in _text(r) for r in _admin_rows(d))
    actions = [a for (a,) in _db(server, "SELECT action FROM admin_log ORDER BY id")]
    assert actions[-4:] == ["login_failed", "login", "upload", "remove"]


def test_widget_opens_the_chat_in_a_portal_page(server, browser, tmp_path):
    d = browser
    portal = tmp_path / "portal.html"
    portal.write_text(f'<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><h1>Cổng thông tin huyện</h1>'
                      f'<script src="{server["url"]}widget.js" async></script></body></html>', encoding="utf-8")
    # the portal is another origin: a plain static server on another loopback port
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None
    portal_srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=portal_srv.serve_forever, daemon=True).start()
    try:
        _widget_flow(d, f"http://127.0.0.1:{portal_srv.server_address[1]}/portal.html")
    finally:
        portal_srv.shutdown()
        portal_srv.server_close()


def _widget_flow(d, portal_url: str) -> None:
    d.get(portal_url)
    host = _wait(d, EC.presence_of_element_located((By.ID, "troly-widget")))
    root = host.shadow_root
    launcher = root.find_element(By.CSS_SELECTOR, "button.launcher")
    assert launcher.get_attribute("aria-expanded") == "false"
    launcher.click()
    frame = _wait(d, lambda _: root.find_element(By.CSS_SELECTOR, ".panel.open iframe"))
    assert launcher.get_attribute("aria-expanded") == "true"
    d.switch_to.frame(frame)
    try:
        _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "body.embed #log .welcome")))
        answer = _ask(d, "Huyện đoàn phát động thanh niên làm gì?")
        assert _text(answer.find_element(By.CSS_SELECTOR, ".text"))
    finally:
        d.switch_to.default_content()
    d.save_screenshot(str(ARTIFACTS / "widget-desktop.png"))
    root.find_element(By.CSS_SELECTOR, "button.close").click()
    assert launcher.get_attribute("aria-expanded") == "false"



PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture
def phone(browser):
    """The browser at a 360x740 phone screen (device metrics, as Chromium's device mode)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _page_geometry(d) -> dict:
    return d.execute_script("""
        const doc = document.documentElement, top = document.querySelector('.topbar, header');
        const foot = document.querySelector('.composer-wrap');
        return {scrollY: window.scrollY, innerHeight: window.innerHeight, innerWidth: window.innerWidth,
                scrollHeight: doc.scrollHeight, scrollWidth: doc.scrollWidth,
                bodyScrollHeight: document.body.scrollHeight,
                headerTop: top.getBoundingClientRect().top,
                footerBottom: foot ? foot.getBoundingClientRect().bottom : null};
    """)


def test_phone_chat_stays_put_when_sources_open_and_after_a_vote(server, phone):
    d = phone
    d.get(server["url"])
    _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "#log .welcome")))
    questions = ["Ủy ban nhân dân huyện phải trồng bao nhiêu cây xanh?", "Thời hạn hoàn thành là khi nào?",
                 "Huyện đoàn phát động thanh niên làm gì?", "Ai ký Kế hoạch 12-KH/HU?"]
    answers = [_ask(d, q) for q in questions]  # enough to make the conversation scroll
    for answer in answers:
        if answer.find_elements(By.CSS_SELECTOR, "details.sources"):
            _open_sources(answer)
    up = answers[0].find_element(By.CSS_SELECTOR, "button.btn-vote[data-vote='1']")
    _click(up)
    _wait(d, lambda _: up.get_attribute("aria-pressed") == "true")
    g = _page_geometry(d)
    d.save_screenshot(str(ARTIFACTS / "chat-phone-360.png"))
    assert g["innerWidth"] == 360 and g["innerHeight"] == 740
    assert g["scrollWidth"] <= g["innerWidth"], "the chat page scrolls sideways"
    assert g["scrollHeight"] <= g["innerHeight"] and g["bodyScrollHeight"] <= g["innerHeight"], \
        "the page itself grew taller than the screen (only the conversation may scroll)"
    assert g["scrollY"] == 0 and g["headerTop"] == 0, "the header moved up"
    assert g["footerBottom"] == g["innerHeight"], "a blank band under the input"


def test_phone_admin_page_has_no_sideways_scroll(server, phone):
    d = phone
    d.get(server["url"] + "admin")
    if d.find_elements(By.ID, "token"):
        d.find_element(By.ID, "token").send_keys(TOKEN + Keys.ENTER)
    _wait(d, lambda dd: len(_admin_rows(dd)) >= 1)
    _wait(d, lambda dd: dd.find_elements(By.CSS_SELECTOR, "#questions table, #questions p"))
    g = _page_geometry(d)
    d.save_screenshot(str(ARTIFACTS / "admin-phone-360.png"))
    assert g["innerWidth"] == 360
    assert g["scrollWidth"] <= g["innerWidth"], "the admin page scrolls sideways on a phone"
    assert g["headerTop"] == 0


def test_chat_commands_work_in_the_web_chat(server, browser):
    from troly.prompts import channels as P

    d = browser
    d.get(server["url"])
    _wait(d, EC.presence_of_element_located((By.CSS_SELECTOR, "#log .welcome")))
    who = _ask(d, "/id")
    assert _text(who.find_element(By.CSS_SELECTOR, ".text")) == P.YOUR_ID_WEB
    assert not who.find_elements(By.CSS_SELECTOR, ".feedback")  # nothing to vote on
    deadlines = _ask(d, "/hanchot")
    assert _text(deadlines.find_element(By.CSS_SELECTOR, ".text"))
    help_text = _text(_ask(d, "/help").find_element(By.CSS_SELECTOR, ".text"))
    assert "/bai" in help_text and "/id" in help_text
