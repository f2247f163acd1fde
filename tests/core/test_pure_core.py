"""The pure core never imports pygame: only escaperoom/ui/ may."""

import pkgutil
import subprocess
import sys

import escaperoom

CORE = sorted(
    m.name for m in pkgutil.walk_packages(escaperoom.__path__, "escaperoom.")
    if not m.name.startswith("escaperoom.ui") and m.name != "escaperoom.__main__"
)


def test_every_core_module_imports_without_pulling_in_pygame():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'pygame' not in sys.modules, [m for m in sys.modules if m.startswith('pygame')]\n"
        "print(len(" + repr(CORE) + "))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 10
