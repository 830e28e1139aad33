"""Form conventions shared by every register: Danish date entry (dd.mm.åååå typed in a text
field, whatever the browser's language; ISO dates are read too), and the model's own
validation (clean()) on every save."""

from django import forms
from django.utils import timezone

EMPTY_CHOICE = "– vælg –"


class DateInput(forms.DateInput):
    """A text field for dd.mm.åååå: a browser's date picker follows the browser's language
    (mm/dd/yyyy in an English browser). settings.DATE_INPUT_FORMATS reads what is typed."""

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "dd.mm.åååå",
            "inputmode": "numeric",
            "size": 10,
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d.%m.%Y")


class ModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)
            radio = isinstance(field.widget, forms.RadioSelect)
            if radio and not isinstance(field, forms.ModelChoiceField):
                # a radio list offers the choices themselves, never "– vælg –"
                field.choices = [(k, v) for k, v in field.choices if k != ""]
            elif isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
                field.empty_label = EMPTY_CHOICE
            elif isinstance(field, forms.ChoiceField) and field.choices[:1] == [("", "---------")]:
                field.choices = [("", EMPTY_CHOICE), *field.choices[1:]]


class VersionedModelForm(ModelForm):
    """Optimistic locking for a model with a `version` counter and save(expected_version=):
    the form carries the version it was opened at; if the record has been saved since, the
    form is refused with who changed what, and shows the stored values. The form keeps what
    was typed, and now carries the new version: saving again overwrites on purpose."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def has_changed(self):
        return any(name != "seen_version" for name in self.changed_data)

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_version")
        if self.instance.pk and seen is not None:
            stored = type(self.instance).objects.get(pk=self.instance.pk)
            if stored.version != seen:
                self._refuse(stored)
        return cleaned

    def _refuse(self, stored) -> None:
        latest = stored.history.select_related("history_user").first()
        when = timezone.localtime(latest.history_date) if latest else None
        who = f"af {latest.history_user or 'systemet'} {when:%d.%m.%Y kl. %H.%M}" if latest else ""
        changed = []
        for name in self._meta.fields:
            mine, theirs = self.cleaned_data.get(name), getattr(stored, name, None)
            if mine != theirs:
                label = self.fields[name].label
                shown = theirs.strftime("%d.%m.%Y") if hasattr(theirs, "strftime") else theirs
                changed.append(f"{label}: {shown if shown not in (None, '') else '(tom)'}")
        data = self.data.copy()
        data[self.add_prefix("seen_version")] = stored.version
        self.data = data  # the re-displayed form saves over the new version if sent again
        raise forms.ValidationError(
            f"{stored} er blevet ændret {who or 'af en anden'}, efter du åbnede det. "
            "Dine ændringer er ikke gemt. Den gemte udgave: "
            + ("; ".join(changed) or "samme værdier som dine")
            + ". Det du skrev, står stadig i formularen: tjek det, og tryk Gem igen for at "
            "overskrive."
        )

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            instance.save(expected_version=self.cleaned_data.get("seen_version"))
            self._save_m2m()
        return instance
