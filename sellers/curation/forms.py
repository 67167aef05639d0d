from django import forms
from django.utils.translation import gettext_lazy as _

from sellers import verification


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, seller, **kwargs):
        super().__init__(*args, **kwargs)
        self.transitions = {
            t.action: t for t in verification.available_actions(seller, verification.CURATOR)
        }
        self.fields["action"].choices = [(t.action, t.label) for t in self.transitions.values()]

    def clean(self):
        cleaned = super().clean()
        transition = self.transitions.get(cleaned.get("action"))
        if transition and transition.reason_required and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for this decision."))
        return cleaned
