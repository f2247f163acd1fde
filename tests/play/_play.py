"""Helper process for the session kill test: plays the bundled scenario through the recorder, slowly.

Usage: ``python _play.py SAVES_DIR``. Resumes the newest unfinished session in SAVES_DIR or starts a new one, and
says so: ``ready <session> new|resumed <settled phase or ->``. After every accepted attempt it writes
``accepted <puzzle> <attempt> <seq of the poging record> <solved>``: the team has "seen" it. At the end
``done <phase>``.

Each line goes out in ONE ``sys.stdout.write`` (``print`` writes text and newline separately, so a kill between
the two would leave half a line); the reader still skips a last line without its newline.
"""

import sys
import time
from pathlib import Path

from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play import recorder
from escaperoom.play.session import Phase, Status


def _say(*words: object) -> None:
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


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
    loaded = load_judged(puzzels_dir() / "henk.toml")
    pending = recorder.resumable(saves)
    if pending:  # unfinished by definition, so a final phase right after resume means settle() ended it
        rec = recorder.resume(pending[0], loaded)
        _say("ready", rec.files.session_id, "resumed", rec.session.phase.value if rec.session.phase.final else "-")
    else:
        rec = recorder.start(saves, loaded, "Team Kill")
        _say("ready", rec.files.session_id, "new", "-")
    s = rec.session
    attempt_seq = [-1]
    real_sink = s.on_event

    def sink(kind: str, fields: dict) -> None:
        real_sink(kind, fields)
        if kind == "poging":
            attempt_seq[0] = rec.journal_seq  # the lock's einde record comes after; promise the attempt itself
            if fields.get("soort") == "slot" and fields.get("opgelost"):
                time.sleep(0.02)  # a slow disk right where a kill used to leave the game stuck (lock open, no einde)

    s.on_event = sink
    for p in [*loaded.scenario.rooms, loaded.scenario.lock]:
        while s.status(p.id) is Status.OPEN and s.phase is Phase.PLAYING:
            s.enter(p.id)
            s.tick(5)
            wrong = s.puzzles[p.id].attempts % 2 == 0 and p.soort != "slot"
            result = s.submit(p.id, _wrong(s, p.id) if wrong else s.model_answer(p.id))
            _say("accepted", p.id, s.puzzles[p.id].attempts, attempt_seq[0], int(result.solved))
            time.sleep(0.004)
    rec.close()
    _say("done", s.phase.value)


if __name__ == "__main__":
    main()
