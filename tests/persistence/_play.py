"""Helper process for the session kill test: plays the bundled scenario through the recorder, slowly.

Usage: ``python _play.py SAVES_DIR``. Resumes the newest unfinished session in SAVES_DIR or starts a new one.
After every accepted attempt it prints ``accepted <puzzle> <attempt> <seq>`` (flushed): the team has "seen" it.
"""

import sys
import time
from pathlib import Path

from escaperoom import recorder
from escaperoom.content.loader import load_scenario
from escaperoom.paths import puzzels_dir
from escaperoom.session import Phase, Status


def _wrong(session, pid: str) -> dict:
    answer = session.model_answer(pid)
    if "plaatsing" in answer:
        answer["plaatsing"] = {k: "niet_delen" for k in answer["plaatsing"]}
    elif "keuzes" in answer:
        answer["keuzes"] = {k: "geen" for k in answer["keuzes"]}
    elif "zwart" in answer:
        answer["zwart"] = []
    elif "volgorde" in answer:
        answer["volgorde"] = list(reversed(answer["volgorde"]))
    elif "keuze" in answer:
        answer["keuze"] = 0
    return answer


def main() -> None:
    saves = Path(sys.argv[1])
    loaded = load_scenario(puzzels_dir() / "henk.toml")
    pending = recorder.resumable(saves)
    rec = recorder.resume(pending[0], loaded) if pending else recorder.start(saves, loaded, "Team Kill")
    s = rec.session
    print("ready", rec.files.session_id, flush=True)
    for p in [*loaded.scenario.rooms, loaded.scenario.lock]:
        while s.status(p.id) is Status.OPEN and s.phase is Phase.PLAYING:
            s.enter(p.id)
            s.tick(5)
            wrong = s.puzzles[p.id].attempts % 2 == 0 and p.soort != "slot"
            result = s.submit(p.id, _wrong(s, p.id) if wrong else s.model_answer(p.id))
            print("accepted", p.id, s.puzzles[p.id].attempts, rec.journal.next_seq - 1, int(result.solved), flush=True)
            time.sleep(0.004)
    rec.close()
    print("done", s.phase.value, flush=True)


if __name__ == "__main__":
    main()
