"""Operations: ``troly backup``/``troly restore`` round trip through the real command line, the
container files (Dockerfile, compose.yaml) against the Makefile, and the server's log."""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.channel_engine import SAMPLE_PLAN
from troly.config import DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent
TROLY = str(Path(sys.executable).parent / "troly")
SHIPPED = DEFAULT_CORPUS / "004_1e91743ee4d0742d.txt"
QUESTIONS = ["Ai ký Kế hoạch 45-KH/HU?", "Kế hoạch 32/KH-UBND ban hành ngày nào?",
             "Ban Tuyên giáo Huyện ủy chủ trì nhiệm vụ gì?", "Kế hoạch 45-KH/HU nhằm mục đích gì?"]


def troly(data: Path, *args: str, stdin: str | None = None, **env_extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TROLY_DATA": str(data), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "ANONYMIZED_TELEMETRY": "False", **env_extra}
    return subprocess.run([TROLY, *args], capture_output=True, text=True, env=env, input=stdin, timeout=600,
                          cwd=data.parent)


def answers(data: Path) -> list[dict]:
    lines = "\n".join(json.dumps({"q": q}, ensure_ascii=False) for q in QUESTIONS)
    out = troly(data, "ask", "--jsonl", stdin=lines)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


@pytest.mark.slow
def test_backup_remove_restore_gives_the_same_answers(tmp_path):
    data, copy = tmp_path / "data", tmp_path / "backup"
    plan = tmp_path / "kh45.txt"
    plan.write_text("\n".join(SAMPLE_PLAN), encoding="utf-8")
    assert troly(data, "ingest", str(plan), str(SHIPPED), TROLY_INDEX_VECTORS="1").returncode == 0
    before = answers(data)
    assert len(before) == len(QUESTIONS) and "Nguyễn Văn Hùng" in before[0]["answer"]
    assert sum(bool(a["sources"]) for a in before) >= 3

    made = troly(data, "backup", str(copy))
    assert made.returncode == 0, made.stderr
    manifest = json.loads((copy / "troly-backup.json").read_text(encoding="utf-8"))
    held = {f["path"] for f in manifest["files"]}
    on_disk = {f.relative_to(data).as_posix() for f in data.rglob("*") if f.is_file()
               and not f.name.endswith(("-wal", "-shm", ".lock")) and f.relative_to(data).parts[0] != "cache"}
    assert held == on_disk and "chroma/chroma.sqlite3" in held  # every file, the vector store's too
    assert manifest["documents"] == 2 and "troly.sqlite3" in held and any(p.startswith("bm25/") for p in held)
    again = troly(data, "backup", str(copy))  # never into a folder that holds something
    assert again.returncode == 2 and "not empty" in again.stderr

    refused = troly(data, "restore", str(copy))  # the data folder still holds the base
    assert refused.returncode == 2 and "--force" in refused.stderr

    shutil.rmtree(data)
    restored = troly(data, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert answers(data) == before

    (copy / "troly.sqlite3").write_bytes(b"damaged")
    damaged = troly(data, "restore", "--force", str(copy))
    assert damaged.returncode == 2 and "checksum" in damaged.stderr
    assert answers(data) == before  # a damaged backup touched nothing


# ---------------------------------------------------------------- container files

def _torch_pins(text: str) -> list[str]:
    return re.findall(r"torch==([0-9][0-9.]*)", text)


def test_dockerfile_installs_like_the_makefile():
    docker = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert _torch_pins(docker) and _torch_pins(docker) == _torch_pins(make)[:1] == _torch_pins(pyproject)[:1]
    runs = [line for line in docker.splitlines() if "pip install" in line]
    assert "torch==" in runs[0] and any("pip install ." in r for r in runs[1:])  # torch first
    assert re.search(r"^FROM python:3\.11-slim$", docker, re.M)
    assert re.search(r"HF_HUB_OFFLINE=1", docker) and re.search(r"TROLY_DATA=/data", docker)
    assert 'VOLUME ["/data"]' in docker and 'CMD ["troly", "serve"]' in docker and "TROLY_HOST=0.0.0.0" in docker
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {"data", ".venv", ".env", ".git"} <= set(ignored)  # no secrets or local data in the image


def test_compose_file_shape():
    yaml = pytest.importorskip("yaml")
    spec = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    troly_svc, chroma = spec["services"]["troly"], spec["services"]["chroma"]
    assert troly_svc["build"] == "." and "troly-data:/data" in troly_svc["volumes"]
    assert troly_svc["environment"]["TROLY_DATA"] == "/data" and "profiles" not in troly_svc
    assert chroma["profiles"] == ["chroma"] and "chroma-data:/data" in chroma["volumes"]
    assert set(spec["volumes"]) == {"troly-data", "chroma-data"}


def _compose() -> list[str] | None:
    docker = shutil.which("docker")
    if docker is None:
        return None
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True)
    return [docker, "compose"] if probe.returncode == 0 else None


def test_docker_compose_config():
    compose = _compose()
    if compose is None:
        pytest.skip("docker compose is not installed here (only a docker client, or none): "
                    "compose.yaml is checked by `docker compose config` where it is")
    for profile in ([], ["--profile", "chroma"]):
        out = subprocess.run([*compose, *profile, "config", "--quiet"], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def test_systemd_unit_runs_troly_serve():
    unit = (ROOT / "deploy" / "troly.service").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]$", unit, re.M)
    assert sections == ["Unit", "Service", "Install"]
    assert re.search(r"^ExecStart=\S+/troly serve$", unit, re.M) and "Restart=on-failure" in unit


# ---------------------------------------------------------------- the log

def test_cli_logs_service_commands_at_info_on_stdout(monkeypatch, capsys, tmp_path):
    """``troly serve`` logging is set up by the command line: INFO on stdout, never a token."""
    from troly.cli import main

    token = "123456:SECRET-token-for-the-log-test"
    seen: dict = {}

    def fake_run(app, host, port, **kwargs):  # stands in for uvicorn: the app is built, not served
        seen.update(host=host, port=port)
        logging.getLogger("troly.test").info("a line with %s inside", token)

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TROLY_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = []
    try:
        assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    finally:
        root.handlers, _ = saved
        root.setLevel(saved[1])
    out = capsys.readouterr().out
    assert seen == {"host": "0.0.0.0", "port": 8123}
    assert "troly serve: web chat and API on http://0.0.0.0:8123" in out and "INFO" in out
    assert token not in out and "a line with" in out


# ---------------------------------------------------------------- the IT officer's guide

GUIDE = ROOT / "docs" / "HUONG_DAN.md"
VERBS = ("troly ", ".venv/bin/troly ", "docker ", "sudo ", "git ", "make ", "curl ", "journalctl ", "cp ", "mkdir ")
RUN_SAFE = {"ingest", "docs", "ask", "search", "deadlines", "remove", "backup", "restore"}  # no server, no network
COMPOSE_VERBS = {"up", "exec", "run", "logs", "stop", "start", "restart", "config", "ps"}


def guide_commands() -> list[str]:
    """Every command the guide gives: lines of its ```sh blocks and inline `code` that starts with a command."""
    text = GUIDE.read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        out += [line.strip() for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    out += [span for span in re.findall(r"`([^`\n]+)`", prose) if span.startswith(VERBS)]
    return out


def _troly_words(cmd: list[str]) -> list[str] | None:
    """The troly arguments of a command line, also inside ``docker compose exec|run ... troly``."""
    if cmd[0] in ("troly", ".venv/bin/troly"):
        return cmd[1:]
    if cmd[:2] == ["docker", "compose"] and cmd[2] in ("exec", "run"):
        rest = [w for w in cmd[3:] if not w.startswith("--")]
        if rest[:2] == ["troly", "troly"]:
            return rest[2:]
    return None


def _subcommands() -> set[str]:
    from troly.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(sub.choices)


def test_every_command_of_the_guide_is_known():
    import shlex

    commands = guide_commands()
    assert len(commands) >= 20
    subcommands = _subcommands()
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    unit = (ROOT / "deploy" / "troly.service").name
    unit_text = (ROOT / "deploy" / "troly.service").read_text(encoding="utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for line in commands:
        cmd = shlex.split(line)
        words = _troly_words(cmd)
        if words is not None:
            assert words and words[0] in subcommands, line
            help_out = subprocess.run([TROLY, words[0], "--help"], capture_output=True, text=True, timeout=120)
            assert help_out.returncode == 0, (line, help_out.stderr)
            continue
        if cmd[:2] == ["docker", "compose"]:
            assert cmd[2] in COMPOSE_VERBS and (ROOT / "compose.yaml").is_file(), line
        elif cmd[0] == "make":
            assert all(re.search(rf"^{t}:", make, re.M) for t in cmd[1:]), line
        elif cmd[0] == "git":
            assert cmd[1] in ("clone", "pull"), line  # network: not run here
        elif cmd[0] == "cp":
            assert (ROOT / cmd[1]).is_file(), line
        elif cmd[0] == "mkdir":
            assert cmd[1] == "-p", line
        elif cmd[0] == "cd":
            assert cmd[1:] == ["troly"], line  # the folder `git clone ... troly` made
        elif cmd[0] == "sudo":
            if cmd[1] == "cp":
                assert (ROOT / cmd[2]).is_file() and cmd[3].endswith("/" + unit), line
            elif cmd[1] == "systemctl":
                assert cmd[-1] in ("troly", "daemon-reload"), line
            elif cmd[1] == "useradd":
                assert cmd[-1] == "troly" and re.search(r"^User=troly$", unit_text, re.M), line
            elif cmd[-1] == "/opt/troly":  # the systemd unit's folder and user
                assert cmd[1] == "chown" and "WorkingDirectory=/opt/troly" in unit_text, line
            else:  # the container's user owns the mounted folders
                assert cmd[1:4] == ["chown", "-R", "1000:1000"] and "--uid 1000" in dockerfile, line
        elif cmd[0] == "journalctl":
            assert cmd[cmd.index("-u") + 1] == unit.removesuffix(".service"), line
        elif cmd[0] == "curl":
            assert cmd[1].endswith("/healthz"), line
        else:
            pytest.fail(f"the guide gives a command no test knows: {line}")


@pytest.mark.slow
def test_the_guide_troly_commands_run_on_a_scratch_folder(tmp_path):
    """The guide's own commands, in its order, in a scratch folder laid out as the guide says."""
    import shlex

    work = tmp_path / "troly"
    (work / "van-ban").mkdir(parents=True)
    (work / "van-ban" / "kh45.txt").write_text("\n".join(SAMPLE_PLAN), encoding="utf-8")
    ran = []
    for line in guide_commands():
        cmd = shlex.split(line)
        if cmd[0] == "mkdir":
            subprocess.run(cmd, cwd=work, check=True)
            continue
        if cmd[0] not in ("troly", ".venv/bin/troly") or cmd[1] not in RUN_SAFE:
            continue
        out = troly(work / "data", *cmd[1:])
        assert out.returncode == 0, (line, out.stderr)
        ran.append(cmd[1])
        if cmd[1] == "ask":
            assert "45-KH/HU" in out.stdout and "Ban Tuyên giáo" in out.stdout
    assert {"ingest", "docs", "ask", "backup", "restore", "remove"} <= set(ran)
    assert (work / "sao-luu" / "2025-06-30" / "troly-backup.json").is_file()


def test_the_guide_health_example_has_the_real_fields(tmp_path):
    from fastapi.testclient import TestClient

    from tests.fakes.channel_engine import FakeEngine, FakeKB
    from troly.bot.channels.core import ConversationCore, Services
    from troly.bot.channels.runtime import CoreRunner, Worker
    from troly.bot.feedback import FeedbackStore
    from troly.config import Settings
    from troly.server.app import create_app

    text = GUIDE.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    kb = FakeKB(tmp_path / "k.sqlite3")
    settings = Settings(data_dir=tmp_path)
    runner = CoreRunner(ConversationCore(Services(engine=FakeEngine(kb), kb=kb, settings=settings,
                                                  feedback=FeedbackStore(kb.connect))), Worker())
    with TestClient(create_app(settings, runner, telegram=False, zalo=False)) as client:
        real = client.get("/healthz").json()
    runner.close()
    assert set(example) == set(real)
    assert set(example["channels"]["web"]) == set(real["channels"]["web"])
    from troly.server.channels import ChannelStatus

    assert set(example["channels"]["telegram"]) == set(ChannelStatus("telegram", "polling").to_json())
