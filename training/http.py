"""HTTP helpers shared by every app."""


def no_store(response):
    """Mark a response that carries personal data: no shared or browser cache keeps it."""
    response["Cache-Control"] = "no-store, private"
    return response


def resend_forms(*form_classes):
    """Name the plain forms a view takes, for the page that keeps typed text after a CSRF failure.

    A form posted with a stale CSRF token (the learner signed in again in
    another tab) is refused before the view runs; `home.csrf.csrf_failure`
    then shows what was typed in these forms' own fields and labels, with a
    fresh token, to send again. Put it below the other decorators (they copy
    the mark onto their wrappers). Views without it get a generic form.
    """

    def mark(view):
        view.resend_forms = form_classes
        return view

    return mark
