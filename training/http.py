"""HTTP helpers shared by every app."""


def no_store(response):
    """Mark a response that carries personal data: no shared or browser cache keeps it."""
    response["Cache-Control"] = "no-store, private"
    return response
