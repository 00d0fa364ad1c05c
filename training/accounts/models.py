"""The user model: one account for learners, trainers, association staff and admins.

Personal data held: email address, display name, optional pseudonym, language,
when the account was created and last signed in. An erased account keeps its
row (so certificates and feedback given to others stay whole) with every one
of these fields emptied or replaced, and `erased_at` set; see training.privacy.
"""

import secrets

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """An account, identified by email address.

    `display_name` is how the person is shown to trainers and on certificates;
    `pseudonym` (optional) is how peers see them in peer review.
    """

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        blank=True,
        help_text=_("Optional. Fellow learners see this name instead of your own in peer review."),
    )
    preferred_language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The person's data was erased at their request; the account cannot be used."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.UniqueConstraint(
                Lower("pseudonym"),
                condition=~models.Q(pseudonym=""),
                name="accounts_user_pseudonym_ci_unique",
            ),
        ]

    def __str__(self):
        return self.get_full_name()

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def get_full_name(self):
        if self.is_erased:
            return str(_("a former learner"))
        return self.display_name or self.email.split("@")[0]

    def get_short_name(self):
        return self.get_full_name()

    @property
    def peer_name(self):
        """The name peers see: the pseudonym, or a neutral stand-in."""
        if self.is_erased:
            return _("a former fellow learner")
        return self.pseudonym or _("a fellow learner")


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's private calendar feed (iCalendar).

    Personal data held: which account the address belongs to. The token is
    random and is the only key to the feed (calendar apps cannot log in), so
    it can be replaced at any time: the old address stops working at once.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self):
        return f"{self.user} · calendar"
