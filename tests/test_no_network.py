"""The tool itself keeps its promise: nothing goes over a network (README, "Privacy van het spel zelf").

A fresh interpreter installs an audit hook that records every socket event, then plays a whole game through the
real scenes (autoplay, headless), checks the bundled puzzles, judges them, and writes the debrief reports. Not one
socket may be created, connected, bound or resolved along the way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

_SCRIPT = textwrap.dedent(
    """
    import json, sys
    events = []
    def hook(event, args):
        if event.startswith("socket."):
            events.append(event)
    sys.addaudithook(hook)

    from escaperoom.cli import main
    saves, report = sys.argv[1], sys.argv[2]
    codes = [
        main(["--autoplay", "--headless", "--team", "Team Netwerkloos", "--saves", saves]),
        main(["check"]),
        main(["verdict", "--json", "{puzzels}"]),
        main(["debrief", saves, "--html", report + ".html", "--csv", report + ".csv"]),
    ]
    sys.stderr.write("RESULT " + json.dumps({"codes": codes, "events": sorted(set(events))}) + "\\n")
    """
)


def test_a_whole_game_check_verdict_and_debrief_never_touch_the_network(tmp_path: Path):
    from escaperoom.paths import puzzels_dir

    script = _SCRIPT.replace("{puzzels}", str(puzzels_dir() / "henk.toml").replace("\\", "\\\\"))
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "saves"), str(tmp_path / "rapport")],
                          capture_output=True, text=True, env=env, timeout=300)
    lines = [line for line in done.stderr.splitlines() if line.startswith("RESULT ")]
    assert lines, f"the script did not finish:\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1][len("RESULT "):])
    assert result["codes"] == [0, 0, 0, 0], done.stderr[-3000:]
    assert result["events"] == []
    assert (tmp_path / "rapport.html").stat().st_size > 0
