from django import forms

from reports.models import ReportSection
from socialeconomy.validators import validate_no_cpr_text
from strategy.selectors import strategy_in_force
from strategy.structure import narrative_fields

HELP = ReportSection._meta.get_field("text").help_text


class SectionTextsForm(forms.Form):
    """The narrative of every section of one report, on one page. Plain text only: it is
    escaped when rendered, and markup typed here shows as typed."""

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        current = {s.key: s.text for s in report.sections.all()}
        strategy = strategy_in_force(report.end)
        tracks = strategy.tracks.order_by("order") if strategy else []
        for key, label in narrative_fields(tracks):  # the frame and the strategy's tracks
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                max_length=50_000,
                validators=[validate_no_cpr_text],
                initial=current.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 8}),
            )
