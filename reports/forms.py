from django import forms

from reports.models import EvaluationAnswer, ReportSection
from socialeconomy.formatting import plain_number
from socialeconomy.text import danish_slugify
from socialeconomy.validators import validate_no_cpr_text
from socialeconomy.vocabulary import EVALUATION_QUESTIONS
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


class AnswersForm(forms.Form):
    """The nine evaluation questions of a model-1 agreement for one report."""

    def __init__(self, *args, agreement, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement, self.report = agreement, report
        current = {a.question: a.text for a in agreement.answers.filter(report=report)}
        for number, question in sorted(EVALUATION_QUESTIONS.items()):
            self.fields[f"q{number}"] = forms.CharField(
                label=f"{number}. {question}",
                required=False,
                max_length=20_000,
                validators=[validate_no_cpr_text],
                initial=current.get(number, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def save(self):
        for number in EVALUATION_QUESTIONS:
            text = self.cleaned_data[f"q{number}"].strip()
            if text:
                EvaluationAnswer.objects.update_or_create(
                    agreement=self.agreement,
                    report=self.report,
                    question=number,
                    defaults={"text": text},
                )
            else:
                self.agreement.answers.filter(report=self.report, question=number).delete()
        return self.agreement


class ReportedValuesForm(forms.Form):
    """A ``reported`` goal's value for each reporting period of its strategy, with its source.
    A value needs a source; a source alone is refused too; an empty row removes the value."""

    def __init__(self, *args, goal, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.reports = list(reports)
        current = {v.report_id: v for v in goal.reported_values.all()}
        self.rows = []
        for report in self.reports:
            stored = current.get(report.pk)
            self.fields[f"value_{report.pk}"] = forms.DecimalField(
                label=f"Værdi {report.start:%d.%m.%Y}–{report.end:%d.%m.%Y}",
                required=False,
                decimal_places=1,
                localize=True,
                initial=stored.value if stored else None,
            )
            self.fields[f"source_{report.pk}"] = forms.CharField(
                label=f"Kilde {report.start:%d.%m.%Y}–{report.end:%d.%m.%Y}",
                required=False,
                max_length=500,
                initial=stored.source if stored else "",
            )
            self.rows.append((report, self[f"value_{report.pk}"], self[f"source_{report.pk}"]))

    def clean(self):
        data = super().clean()
        for report in self.reports:
            value, source = data.get(f"value_{report.pk}"), data.get(f"source_{report.pk}")
            if value is not None and not (source or "").strip():
                self.add_error(
                    f"source_{report.pk}", "Skriv kilden til tallet (hvor det kommer fra)."
                )
            if value is None and (source or "").strip() and f"value_{report.pk}" not in self.errors:
                self.add_error(f"value_{report.pk}", "Skriv tallet, eller slet kilden.")
        return data

    def values(self) -> dict:
        result = {}
        for report in self.reports:
            value = self.cleaned_data.get(f"value_{report.pk}")
            source = (self.cleaned_data.get(f"source_{report.pk}") or "").strip()
            result[report] = None if value is None else (plain_number(value), source)
        return result
