"""Offline training text for the repair model: files shipped inside installed packages.

underthesea ships, without any download, a Vietnamese word list (``corpus/data/Viet74K.txt``)
and ~220,000 syllables of clean tagged text (the test output of its VLSP2013 POS model). We
only read these files; we never call underthesea functions (several download models). Missing
files are logged by name and the model is built from whatever is left.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import pickle
from pathlib import Path
from typing import Iterator

from troly.ingest.repair.lm import KneserNeyLM

log = logging.getLogger(__name__)

CACHE_VERSION = "repair-lm-2"
WORDLIST = ("underthesea", "corpus/data/Viet74K.txt")
TAGGED = ("underthesea", "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt")


def package_file(package: str, relative: str) -> Path | None:
    """Path of a data file inside an installed package (without importing it), or None."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / relative
    return path if path.is_file() else None


def inventory_files() -> dict[str, Path | None]:
    """The inventory files by name; a None value means missing (logged once by callers)."""
    return {"wordlist": package_file(*WORDLIST), "tagged": package_file(*TAGGED)}


def check_inventory() -> list[str]:
    """Names of missing inventory files (with where they were expected), logged as warnings."""
    missing = []
    for name, (pkg, rel) in (("wordlist", WORDLIST), ("tagged", TAGGED)):
        if package_file(pkg, rel) is None:
            missing.append(f"{pkg}/{rel}")
            log.warning("repair inventory file missing: %s/%s (package %s not installed or changed); "
                        "the repair model is trained without it", pkg, rel, pkg)
    return missing


def wordlist_sentences(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            words = line.strip().lower().split()
            if words and all(w.isalpha() for w in words):
                yield words


def tagged_sentences(path: Path) -> Iterator[list[str]]:
    """Sentences of the tagged file, cut at punctuation (tag CH); numbers become <num>."""
    run: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[1].endswith("CH") or not parts[0].strip():
                if run:
                    yield run
                run = []
                continue
            for syl in parts[0].lower().split():
                if any(ch.isdigit() for ch in syl):
                    run.append("<num>")
                elif syl.isalpha():
                    run.append(syl)
                else:
                    if run:
                        yield run
                    run = []
    if run:
        yield run


def _fingerprint(files: dict[str, Path | None]) -> str:
    h = hashlib.sha1(CACHE_VERSION.encode())
    for name, path in sorted(files.items()):
        stat = path.stat() if path else None
        h.update(f"{name}:{path}:{stat.st_size if stat else 0}:{int(stat.st_mtime) if stat else 0}".encode())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("TROLY_DATA", "./data")).expanduser() / "cache"


def build_inventory_lm(use_cache: bool = True) -> KneserNeyLM:
    """The LM trained on the inventory files, loaded from ``$TROLY_DATA/cache`` when built before."""
    files = inventory_files()
    check_inventory()
    path = cache_dir() / f"repair_lm_{_fingerprint(files)}.pickle"
    if use_cache and path.is_file():
        try:
            with path.open("rb") as fh:
                return KneserNeyLM.from_state(pickle.load(fh))
        except Exception as exc:  # a broken cache is rebuilt, never fatal
            log.warning("repair LM cache %s unreadable (%s); rebuilding", path, exc)
    lm = KneserNeyLM()
    if files["tagged"]:
        lm.add_all(tagged_sentences(files["tagged"]))
    if files["wordlist"]:
        lm.add_all(wordlist_sentences(files["wordlist"]), weight=0.5)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(lm.state(), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError as exc:
            log.warning("cannot write repair LM cache %s: %s", path, exc)
    return lm
