"""The three pillars of facilitator training, with one label and colour each.

Every page, badge and progress bar takes its label and colour from here, so a
pillar looks the same everywhere.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    EXPERIENCE = "experience", _("Experiential expertise")
    LISTENING = "listening", _("Listening and communication")
    BOUNDARIES = "boundaries", _("Guarding boundaries")

    @property
    def css_class(self) -> str:
        return f"pillar--{self.value}"

    @property
    def short_description(self) -> str:
        return PILLAR_DESCRIPTIONS[self]


PILLAR_DESCRIPTIONS = {
    Pillar.EXPERIENCE: _("Reflect on your own lived experience and use it in service of others."),
    Pillar.LISTENING: _("Listen first: summarise, ask open questions, hold back advice."),
    Pillar.BOUNDARIES: _("Guard your own boundaries and look after yourself as a volunteer."),
}
