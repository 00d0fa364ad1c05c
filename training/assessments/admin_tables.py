"""The tables of the reflection queue, built from Wagtail's listing components."""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, Table, TitleColumn


def _url(name, *args):
    return reverse(f"reflection_queue:{name}", args=args)


class TemplateColumn(Column):
    """A column whose cells render from their own small template (`instance` is the row)."""

    def __init__(self, name, *, cell_template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = cell_template_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if request := context.get("request"):
            context["csrf_token"] = get_token(request)
        return context


def _open_concerns(count: int) -> str:
    return ngettext("%(counter)s open concern", "%(counter)s open concerns", count) % {
        "counter": count
    }


def cohorts_table(rows) -> Table:
    """The trainer's groups, with what needs their attention."""
    return Table(
        [
            TitleColumn(
                "cohort",
                label=_("Group"),
                accessor="cohort.name",
                get_url=lambda row: _url("cohort", row.cohort.pk),
            ),
            Column("course", label=_("Course"), accessor="cohort.course.title"),
            Column("awaiting", label=_("Awaiting your decision"), accessor="awaiting_trainer"),
            Column("in_review", label=_("In peer review"), accessor="in_review"),
            TitleColumn(
                "open_concerns",
                label=_("Open concerns"),
                accessor=lambda row: (
                    _open_concerns(row.open_concerns) if row.open_concerns else "0"
                ),
                get_url=lambda row: _url("concerns", row.cohort.pk) if row.open_concerns else None,
            ),
        ],
        rows,
        caption=_("Your groups, with what needs your attention"),
    )


def queue_table(entries, *, cohort) -> Table:
    """One page of a cohort's reflections, those that need the trainer first."""
    return Table(
        [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor="row.submission.author.get_full_name",
                get_url=lambda entry: _url("submission", entry.row.submission.public_id),
            ),
            Column("assignment", label=_("Assignment"), accessor="row.submission.assignment.title"),
            TemplateColumn(
                "status",
                label=_("Status"),
                cell_template_name="assessments/admin/cells/queue_status.html",
            ),
            TemplateColumn(
                "feedback",
                label=_("Feedback given"),
                cell_template_name="assessments/admin/cells/queue_feedback.html",
            ),
            TitleColumn(
                "open_concerns",
                label=_("Open concerns"),
                accessor="row.open_concerns",
                get_url=lambda entry: (
                    _url("concerns", cohort.pk) if entry.row.open_concerns else None
                ),
            ),
        ],
        entries,
        caption=_("Reflections, those that need you first"),
    )


def status_table(counts) -> Table:
    return Table(
        [
            Column("status", label=_("Status"), accessor=lambda row: row[0]),
            Column("count", label=_("Number"), accessor=lambda row: row[1]),
        ],
        counts,
        caption=_("Reflections per status"),
    )


def stuck_table(group) -> Table:
    return Table(
        [
            Column("learner", label=_("Learner"), accessor="enrolment.learner.get_full_name"),
            TemplateColumn(
                "reasons",
                label=_("Why"),
                cell_template_name="assessments/admin/cells/stuck_reasons.html",
            ),
            Column(
                "extensions",
                label=_("Extension"),
                accessor=lambda entry: "; ".join(entry.extensions) or "—",
            ),
        ],
        group.learners,
        caption=gettext("Stuck on “%(title)s”") % {"title": group.assignment.title},
    )


def stuck_section_table(section) -> Table:
    """A higher app's stuck learners (training.assessments.stuck), like `stuck_table`."""
    return Table(
        [
            Column("learner", label=_("Learner"), accessor="enrolment.learner.get_full_name"),
            TemplateColumn(
                "reasons",
                label=_("Why"),
                cell_template_name="assessments/admin/cells/stuck_reasons.html",
            ),
        ],
        section.learners,
        caption=section.caption,
    )


def extensions_table(group, *, cohort) -> Table:
    return Table(
        [
            Column(
                "learner", label=_("Learner"), accessor="extension.enrolment.learner.get_full_name"
            ),
            Column("text", label=_("Extension"), accessor="text"),
            TemplateColumn(
                "withdraw",
                label=_("Actions"),
                cell_template_name="assessments/admin/cells/extension_withdraw.html",
            ),
        ],
        group.extensions,
        caption=gettext("Extensions for “%(title)s”") % {"title": group.assignment.title},
    )


def learners_table(rows, *, cohort) -> Table:
    """Per learner: the ratings of the feedback they gave (links to the ratings listing)."""
    return Table(
        [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor="enrolment.learner.get_full_name",
                get_url=lambda row: _url("learner_ratings", cohort.pk, row.enrolment.pk),
            ),
            Column(
                "status",
                label=_("Status"),
                accessor=lambda row: (
                    "" if row.enrolment.is_active else row.enrolment.get_status_display()
                ),
            ),
            TemplateColumn(
                "ratings",
                label=_("Ratings of the feedback"),
                cell_template_name="assessments/admin/cells/learner_ratings.html",
            ),
        ],
        rows,
        caption=_("Ratings of the feedback each learner gave"),
    )
