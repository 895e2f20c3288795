import re

from triage.intake.tracking import ALPHABET, new_status_token, new_tracking_code, normalise_tracking_code


def test_tracking_code_is_readable_and_random():
    codes = {new_tracking_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert re.fullmatch(rf"MOR-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}", code)


def test_tracking_code_typed_loosely_is_understood():
    assert normalise_tracking_code(" mor 7k3p 9qxf ") == "MOR-7K3P-9QXF"
    assert normalise_tracking_code("7K3P9QXF") == "MOR-7K3P-9QXF"


def test_tracking_code_of_wrong_length_is_not_looked_up():
    assert normalise_tracking_code("MOR-7K3") == ""
    assert normalise_tracking_code("") == ""


def test_status_token_is_long_enough_to_be_unguessable():
    token = new_status_token()
    assert len(token) >= 40
    assert new_status_token() != token
