"""`manage.py annual_report`: exactly the JSON of the spec on stdout; clear errors."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SPEC_KEYS = {
    "period": {"start", "end"},
    "enterprises": {"by_type", "total", "target"},
    "employment": {"by_type", "total", "annual_norm"},
    "fundraising": {"total_dkk", "by_enterprise", "repeat_donors"},
    "courses": {"participants", "ongoing", "completed", "outcomes"},
}
AGREEMENT_KEYS = {
    "name",
    "enterprise",
    "model",
    "capacity",
    "participants",
    "ongoing",
    "completed",
    "outcomes",
    "veterans_completed",
}


def run_cli(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "socialeconomy.settings_test"}
    return subprocess.run(
        [sys.executable, "manage.py", "annual_report", *args],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.django_db
def test_json_shape_on_stdout(demo):
    out = io.StringIO()
    call_command(
        "annual_report",
        "--start",
        "2022-01-01",
        "--end",
        "2023-02-28",
        "--format",
        "json",
        stdout=out,
    )
    data = json.loads(out.getvalue())  # nothing but the JSON

    for key, keys in SPEC_KEYS.items():
        assert keys <= set(data[key]), key
    assert set(data["placements"]) == {"internship", "wage_subsidy"}
    assert set(data["enterprises"]["by_type"]) == {"registered", "initiative", "voluntary"}
    assert set(data["employment"]["by_type"]) == {"full_time", "part_time", "sheltered"}
    assert data["period"] == {"start": "2022-01-01", "end": "2023-02-28"}
    for agreement in data["agreements"]:
        assert set(agreement) >= AGREEMENT_KEYS
        assert sum(agreement["outcomes"].values()) == agreement["completed"]
    names = [a["name"] for a in data["agreements"]]
    assert names == sorted(names)
    assert isinstance(data["fundraising"]["total_dkk"], int)


@pytest.mark.django_db
def test_output_file(demo, tmp_path):
    target = tmp_path / "rapport.json"
    call_command(
        "annual_report", "--start", "2022-01-01", "--end", "2023-02-28", "--output", str(target)
    )
    assert json.loads(target.read_text(encoding="utf-8"))["enterprises"]["total"] == 31


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown format 'xml'"),
        (["--start", "2022-13-01"], "--start must be a date as YYYY-MM-DD"),
        (["--end", "28.02.2023"], "--end must be a date as YYYY-MM-DD"),
        (["--start", "2023-03-01"], "lies before --start"),
    ],
)
def test_bad_arguments_give_one_line_on_stderr_and_non_zero_exit(args, message):
    base = {"--start": "2022-01-01", "--end": "2023-02-28", "--format": "json"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    result = run_cli(*[part for pair in base.items() for part in pair])

    assert result.returncode != 0
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
