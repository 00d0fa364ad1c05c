from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Association(models.Model):
    """A patient association or recovery centre that deploys facilitators."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="associations", verbose_name=_("staff")
    )

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name
