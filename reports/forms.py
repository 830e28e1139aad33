from django import forms

from reports.models import ReportSection
from socialeconomy.text import danish_slugify
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


class DeviationCommentsForm(forms.Form):
    """The consultant's comment on each deviation of one report, on one page (plain text).
    Each field is named by the deviation's code and a slug of its subject (a valid HTML id);
    ``cleaned_data`` gives the comments by the deviation's own key ('code|subject')."""

    def __init__(self, *args, deviations, **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = {}
        for deviation in deviations:
            name = f"{deviation.code}--{danish_slugify(deviation.subject)}"
            self.keys[name] = deviation.key
            label = deviation.title + (f" – {deviation.about}" if deviation.about else "")
            self.fields[name] = forms.CharField(
                label=label,
                help_text=deviation.text,
                required=False,
                max_length=10_000,
                initial=deviation.comment,
                widget=forms.Textarea(attrs={"rows": 3, "aria-describedby": f"id_{name}-hjaelp"}),
            )

    def clean(self):
        return {self.keys[name]: text for name, text in super().clean().items()}
