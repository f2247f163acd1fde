"""Key paths written as an author reads them: ``puzzels[2].verzoeken[0].rol``, odd keys in quotes."""

from __future__ import annotations

from escaperoom.content.source import format_key_path


def test_format_key_path_writes_indices_and_quotes_odd_keys():
    assert format_key_path(("puzzels", 2, "verzoeken", 0, "toestemming")) == "puzzels[2].verzoeken[0].toestemming"
    assert format_key_path(("rare sleutel", "x")) == '"rare sleutel".x'


