"""Build hook: ship the top-level ``puzzels/`` and ``assets/`` inside the wheel as ``escaperoom/_data/``.

Everything else is in pyproject.toml. In a checkout (editable install) the folders are read in place; see
``escaperoom/paths.py``, the one resolver for both cases.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("puzzels", "assets")


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        root = Path(__file__).resolve().parent
        for name in DATA_DIRS:
            target = Path(self.build_lib) / "escaperoom" / "_data" / name
            shutil.copytree(root / name, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithData})
