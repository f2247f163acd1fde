"""``python -m escaperoom`` — the same as the ``escaperoom`` command."""

import sys

from escaperoom.cli import main

sys.exit(main())
