"""Form conventions shared by every register: a date picker that posts ISO dates (typed
dd.mm.yyyy is accepted too), and the model's own validation (clean()) on every save."""

from django import forms

EMPTY_CHOICE = "– vælg –"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)
            if isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
                field.empty_label = EMPTY_CHOICE
            elif isinstance(field, forms.ChoiceField) and field.choices[:1] == [("", "---------")]:
                field.choices = [("", EMPTY_CHOICE), *field.choices[1:]]
