"""Personal data in a team's typed reason is spotted (and can be redacted) before the reason is stored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from escaperoom.play.pii import (
    KINDS,
    LABELS,
    Finding,
    elfproef,
    find_personal_data,
    iban_ok,
    kinds_for_labels,
    redact,
    summary,
)
from escaperoom.strings import Catalogue


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.matched) for f in find_personal_data(text)]


# ------------------------------------------------------------------------------------------ BSN


@pytest.mark.parametrize("number", ["111222333", "123456782", "12345672", "012345672", "999999990"])
def test_these_numbers_pass_the_elfproef(number):
    assert elfproef(number)


@pytest.mark.parametrize("number", ["123456789", "111222334", "000000000", "00000000", "1234567", "1234567890",
                                    "12345678a", "١١١٢٢٢٣٣٣"])
def test_these_numbers_fail_the_elfproef(number):
    assert not elfproef(number)


def test_the_elfproef_weights_are_nine_down_to_two_and_minus_one_for_the_last_digit():
    # 111222333: 1*9 + 1*8 + 1*7 + 2*6 + 2*5 + 2*4 + 3*3 + 3*2 - 3*1 = 66 = 6 * 11
    for last in range(10):
        assert elfproef(f"11122233{last}") == (last == 3)


@pytest.mark.parametrize(
    "text,matched",
    [
        ("Het BSN van de cliënt is 111222333.", "111222333"),
        ("bsn:123456782", "123456782"),
        ("nummer 1112.22.333 staat in het dossier", "1112.22.333"),
        ("nummer 1112 22 333 staat in het dossier", "1112 22 333"),
        ("nummer 111 222 333 staat in het dossier", "111 222 333"),
        ("(111222333)", "111222333"),
        ("BSN 12345672", "12345672"),
        ("burgerservicenummer: 123.45.672", "123.45.672"),
    ],
)
def test_a_bsn_that_passes_the_elfproef_is_found(text, matched):
    assert _kinds(text) == [("bsn", matched)]


@pytest.mark.parametrize(
    "text",
    [
        "Het BSN is 123456789.",  # fails the elfproef
        "000000000",
        "In 2024 besloot het team anders.",
        "Volgens art. 7:457 BW mag dat niet.",
        "Artikel 7:457 lid 1, Wgbo, 2020",
        "Zaaknummer 1112223330",  # ten digits: not a BSN
        "KvK 12345672",  # eight digits without the word BSN before it
        "€ 111.222.333",  # an amount
        "€111222333",
        "1.111222333",  # a decimal number
        "111222333,50",
        "versie 111222333b",
        "111222333-2",
    ],
)
def test_numbers_that_are_no_bsn_are_not_reported(text):
    assert [k for k, _ in _kinds(text) if k == "bsn"] == []


# ------------------------------------------------------------------------------------------ phones


@pytest.mark.parametrize(
    "number",
    ["06-12345678", "0612345678", "06 12345678", "06 1234 5678", "06 12 34 56 78", "06.12.34.56.78",
     "+31 6 12345678", "+31612345678", "+31 (0)6-1234 5678", "+316-12345678", "0031 6 12345678", "0031612345678",
     "010-1234567", "020 123 4567", "0201234567", "(010) 123 45 67", "(0575) 123456", "0575-123456",
     "+31 20 123 4567", "088-1234567"],
)
def test_a_dutch_phone_number_is_found_in_its_usual_notations(number):
    assert _kinds(f"Bel moeder op {number} vanavond.") == [("telefoon", number)]


@pytest.mark.parametrize(
    "text",
    ["Gesprek op 01-01-2024 12:30", "Datum 01.02.2024 10 uur", "06-1234567", "061234567890",
     "+31 6 1234567", "+44 20 7946 0958", "0800-1234", "Zaak 2024-0012345", "20 september 2023 om 10:15"],
)
def test_things_that_look_a_bit_like_a_phone_number_are_not_reported(text):
    assert [k for k, _ in _kinds(text) if k == "telefoon"] == []


# ------------------------------------------------------------------------------------------ e-mail


@pytest.mark.parametrize(
    "address",
    ["jan@example.nl", "j.de.vries@gemeente-utrecht.nl", "moeder+school@gmail.com", "A_B@sub.domein.org",
     "zorg@wijkteam.amsterdam"],
)
def test_an_email_address_is_found(address):
    assert _kinds(f"Mail naar {address}, graag.") == [("email", address)]


def test_a_sentence_ending_after_an_address_does_not_take_the_full_stop():
    assert _kinds("Stuur het naar jan@example.nl.") == [("email", "jan@example.nl")]


@pytest.mark.parametrize("text", ["de @gemeente", "jan@", "jan@localhost", "a@b.c", "twitter: @wijkteam",
                                  "info at example dot nl"])
def test_things_that_are_no_email_address_are_not_reported(text):
    assert _kinds(text) == []


# ------------------------------------------------------------------------------------------ IBAN


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
                                  "NL20INGB0001234567"])
def test_a_dutch_iban_with_a_correct_check_is_found(iban):
    assert _kinds(f"Rekening {iban} van de cliënt") == [("iban", iban)]


@pytest.mark.parametrize("text", ["NL92ABNA0417164300", "NL91ABNA041716430", "NL91ABNA04171643001"])
def test_an_iban_with_a_wrong_check_or_length_is_not_reported(text):
    assert [k for k, _ in _kinds(text) if k == "iban"] == []


def test_the_iban_check_follows_iso_13616():
    assert iban_ok("NL91ABNA0417164300")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert not iban_ok("GB82 WEST 1234 5698 7654 33")


# ------------------------------------------------------------------------------------------ together


def test_several_kinds_in_one_reason_are_found_in_reading_order_with_dutch_labels():
    text = "Bel 06-12345678 of mail j@x.nl over BSN 111222333, rekening NL91ABNA0417164300."
    findings = find_personal_data(text)
    assert [f.kind for f in findings] == ["telefoon", "email", "bsn", "iban"]
    assert [f.label for f in findings] == ["een telefoonnummer", "een e-mailadres", "een BSN-nummer",
                                           "een IBAN-rekeningnummer"]
    for finding in findings:
        assert text[finding.start:finding.end] == finding.matched
        assert finding.span == (finding.start, finding.end)


def test_digits_inside_a_phone_number_or_address_are_not_reported_a_second_time_as_bsn():
    assert _kinds("+31 111222333") == [("telefoon", "+31 111222333")]  # 0111 is an area code
    assert _kinds("+31 612345678") == [("telefoon", "+31 612345678")]
    assert _kinds("111222333@example.nl") == [("email", "111222333@example.nl")]


def test_a_reason_without_personal_data_gives_nothing():
    reason = ("De huisarts mag zonder toestemming geen diagnose delen met het wijkteam (art. 7:457 BW, "
              "Wgbo 1995); pas bij acuut gevaar in 2024 wel, zie stap 3 van de meldcode.")
    assert find_personal_data(reason) == []
    assert redact(reason) == reason
    assert summary([]) == ""


def test_redact_replaces_every_finding_with_a_placeholder():
    text = "BSN 111222333, tel 06-12345678, mail jan@example.nl, rek NL91 ABNA 0417 1643 00."
    assert redact(text) == "BSN [BSN], tel [telefoonnummer], mail [e-mailadres], rek [IBAN]."
    assert find_personal_data(redact(text)) == []


def test_the_summary_names_each_kind_once_in_dutch():
    findings = find_personal_data("06-12345678 en 0612345679 en 111222333")
    assert summary(findings).startswith("Je tekst lijkt een telefoonnummer en een BSN-nummer te bevatten.")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_a_screen_label_in_dutch_and_english_and_the_dutch_is_the_stored_label(kind):
    catalogue = Catalogue.load()
    finding = Finding(kind, 0, 1, "x")
    assert catalogue.t(finding.label_id, "nl") == LABELS[kind] == finding.label
    english = catalogue.t(finding.label_id, "en")
    assert english and english != LABELS[kind]


def test_the_kinds_are_found_back_from_the_dutch_labels_a_session_message_carries():
    findings = find_personal_data("Bel 06-12345678 of mail j@x.nl over BSN 111222333")
    assert kinds_for_labels(sorted({f.label for f in findings})) == ["email", "telefoon", "bsn"]
    assert kinds_for_labels(["iets anders"]) == []


PIECES = st.sampled_from(["111222333", "06-12345678", "+31 6 12345678", "jan@example.nl", "NL91ABNA0417164300",
                          "BSN ", "1112.22.333", "12345672", " ", ".", "-", ",", "@", "0", "6", "+", "31", "NL",
                          "(0)", "2024", "art. 7:457", "é", "\n"])


@given(st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=100))
def test_findings_match_their_span_never_overlap_and_redacting_leaves_nothing_to_find(text):
    findings = find_personal_data(text)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert text[finding.start:finding.end] == finding.matched
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))
    assert find_personal_data(redact(text)) == []
