import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from reports.document import render_edition_html, report_for_period
from reports.editions import EDITIONS, FULL, report_json
from socialeconomy.pdf import html_to_pdf

FORMATS = ("json", "html", "pdf")


def _iso_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Write the annual report for a period (both ends inclusive)."

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--format", default="json", help="one of: " + ", ".join(FORMATS))
        parser.add_argument("--output", help="file to write; standard output when left out")
        parser.add_argument(
            "--edition",
            default=FULL,
            help="one of: " + ", ".join(EDITIONS) + " (default: full); public and summary "
            "hide counts of people from 1 to 4",
        )

    def handle(self, *args, start, end, format, output, edition, **options):
        if format not in FORMATS:
            raise CommandError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
        if edition not in EDITIONS:
            raise CommandError(f"unknown edition {edition!r}; use one of: {', '.join(EDITIONS)}")
        start_date = _iso_date(start, "--start")
        end_date = _iso_date(end, "--end")
        if end_date < start_date:
            raise CommandError(f"--end {end} lies before --start {start}")

        if format == "pdf" and not output:
            raise CommandError("--format pdf needs --output FILE")

        if format == "json":
            figures = report_json(start=start_date, end=end_date, edition=edition)
            text = json.dumps(figures, ensure_ascii=False, indent=2) + "\n"
        else:
            # Not a published version: the document says «Kladde» on every page.
            text = render_edition_html(report_for_period(start_date, end_date), edition)
        if format == "pdf":
            with open(output, "wb") as fh:
                fh.write(html_to_pdf(text))
        elif output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            self.stdout.write(text, ending="")
