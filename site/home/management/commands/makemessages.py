"""Django's makemessages without fuzzy matching.

msgmerge otherwise guesses a translation for each new message from a similar
old one ("Start the course" got "Zoek in de cursussen"); a guess that slips
through shows learners the wrong text. New messages stay empty instead, and
the translation check in `make test` asks for them.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
