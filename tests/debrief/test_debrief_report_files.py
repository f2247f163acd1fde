"""The report files are written as they are produced (chunk by chunk, never one big string), atomically, with
the style sheet from the package data file ``report.css``; a failure half-way leaves the older report whole."""

from __future__ import annotations

from importlib import resources

import pytest

import escaperoom.debrief.report.files as files
import escaperoom.debrief.report.html as report_html
from escaperoom.debrief.report import html_chunks, render_html, write_csv, write_html
from escaperoom.storage.saves import atomic_write


def _spy(monkeypatch) -> list[bytes]:
    """Every chunk handed to the atomic writer, in order (which then writes them)."""
    seen: list[bytes] = []

    def spy(path, data):
        assert not isinstance(data, bytes | bytearray | str), "the whole report was built before writing"

        def passing():
            for chunk in data:
                seen.append(chunk)
                yield chunk
        atomic_write(path, passing())
    monkeypatch.setattr(files, "atomic_write", spy)
    return seen


def test_the_html_report_is_written_chunk_by_chunk(tmp_path, monkeypatch, debrief5):
    seen = _spy(monkeypatch)
    path = write_html([debrief5], tmp_path / "rapport.html")
    data = path.read_bytes()
    assert data == b"".join(seen)
    assert len(seen) > 100 and max(map(len, seen)) < len(data) / 10
    assert data.decode("utf-8").startswith("<!DOCTYPE html>") and data.endswith(b"</html>\n")


def test_the_csv_is_written_chunk_by_chunk_with_its_bom_first(tmp_path, monkeypatch, debrief5):
    seen = _spy(monkeypatch)
    path = write_csv([debrief5], tmp_path / "beslissingen.csv", lang="en")
    assert seen[0] == b"\xef\xbb\xbf" and len(seen) >= 3
    assert path.read_bytes() == b"".join(seen)
    assert path.read_text(encoding="utf-8-sig").startswith("session;team;scenario;puzzle;")


def test_a_failure_half_way_keeps_the_older_report_and_leaves_no_temp_file(tmp_path, monkeypatch, debrief5):
    target = tmp_path / "rapport.html"
    target.write_text("oud", encoding="utf-8")

    def broken(d, p, number):
        yield "<article>"
        raise RuntimeError("kapot")
    monkeypatch.setattr(report_html, "puzzle_chunks", broken)
    with pytest.raises(RuntimeError, match="kapot"):
        write_html([debrief5], target)
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_the_html_is_produced_lazily(debrief5):
    chunks = html_chunks([debrief5])
    first = next(chunks)
    assert first.startswith("<!DOCTYPE html>") and "</html>" not in first
    assert "".join([first, *chunks]).endswith("</html>\n")


def test_the_style_sheet_is_the_package_data_file(debrief5):
    css = resources.files("escaperoom.debrief.report").joinpath("report.css").read_text(encoding="utf-8")
    assert ":root {" in css and "@media print" in css
    assert f"<style>\n{css}</style>" in render_html([debrief5])
