"""Template tags of the academies app.

- `{% academy_of_page page as academy %}`: the academy whose catalogue holds `page`.
- `{% academy_invitations_notice %}`: the signed-in person's open, unexpired
  invitations to an academy role, as a notice (nothing when there are none).
"""

from django import template

from training.academies import selectors
from training.academies.permissions import academy_invitations_for
from training.academies.services import invitations_valid

register = template.Library()


@register.simple_tag
def academy_of_page(page):
    return selectors.academy_of_page(page)


@register.inclusion_tag("academies/includes/invitation_notice.html", takes_context=True)
def academy_invitations_notice(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"invitations": []}
    invitations = invitations_valid(academy_invitations_for(user)).select_related("academy")
    return {"invitations": list(invitations)}
