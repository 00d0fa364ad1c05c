"""The one base class for refusals a person should read.

A service raises a subclass when it refuses an action for a reason the user
can act on; its `message` is friendly, translated text that the view shows
as it is (never a 500). Each app defines its own subclasses and defaults.
"""


class FriendlyError(Exception):
    message = ""

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message:
            self.message = message
