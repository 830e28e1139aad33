import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.quality import data_check

FORMATS = ("text", "json")


def _day(value: str | None, option: str, default: date) -> date:
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} skal være en dato som ÅÅÅÅ-MM-DD, ikke {value!r}.") from None


class Command(BaseCommand):
    help = "List every data-quality problem in the period, with a link to the record."

    def add_arguments(self, parser):
        parser.add_argument("--start", help="YYYY-MM-DD (default: 1 January this year)")
        parser.add_argument("--end", help="YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--today", help="YYYY-MM-DD: the day deadlines are measured against (default: today)"
        )
        parser.add_argument("--format", default="text", help="text (default) or json")

    def handle(self, *args, start=None, end=None, today=None, format="text", **options):
        if format not in FORMATS:
            raise CommandError(f"Ukendt format {format!r}; brug text eller json.")
        today = _day(today, "--today", timezone.localdate())
        start = _day(start, "--start", date(today.year, 1, 1))
        end = _day(end, "--end", today)
        if end < start:
            raise CommandError("--end skal ligge på eller efter --start.")
        findings = data_check(start=start, end=end, today=today)
        if format == "json":
            document = {
                "period": {"start": start.isoformat(), "end": end.isoformat()},
                "today": today.isoformat(),
                "findings": [
                    {"check": f.code, "record": f.record, "message": f.text, "url": f.url}
                    for f in findings
                ],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        current = None
        for finding in findings:
            if finding.check != current:
                current = finding.check
                self.stdout.write(f"\n{current} ({finding.code}):")
            self.stdout.write(f"  {finding.text}  {finding.url}")
        self.stdout.write(
            f"\n{len(findings)} fund for {start:%d.%m.%Y}–{end:%d.%m.%Y}."
            if findings
            else f"Ingen fund for {start:%d.%m.%Y}–{end:%d.%m.%Y}."
        )
