import re

NEW_PASSWORD = "fietsbel-lantaarn-27"


def link_in(message):
    """The path of the first link to this site in an email's body."""
    match = re.search(r"https?://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)
