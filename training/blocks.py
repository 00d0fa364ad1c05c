"""Content blocks shared by every page type that has a StreamField body.

Course-specific blocks (practice exercise, knowledge check) live in
`training.courses.blocks`. Each block declares an icon, a template and a
preview value so trainers see it rendered in the block picker.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "Luisteren zonder oordeel", "level": "h2"}
        description = _("A section heading, so readers and screen readers can find their way.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>Een luisterend oor bieden is de kern van lotgenotencontact. "
            "Het is ook het moeilijkste.</p>"
        )
        description = _("Running text with bold, italic, lists and links.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        preview_value = {"alt_text": "Een kring van stoelen", "caption": "Een veilige kring"}
        description = _("An image with a required text alternative.")


class VideoBlock(blocks.StructBlock):
    """A video served from our own media, never embedded from another host."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file uploaded to the documents.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("Optional subtitles file (.vtt).")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Required: everything that is said and shown, for people who cannot watch."),
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "blocks/video.html"
        preview_value = {
            "title": "Een eerste bijeenkomst",
            "transcript": "<p>Gespreksbegeleider: welkom allemaal, fijn dat jullie er zijn.</p>",
        }
        description = _("A video file with a required transcript.")


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    audio = DocumentChooserBlock(label=_("Audio file"))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=RICH_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio.html"
        preview_value = {"title": "Een deelnemer vertelt", "transcript": "<p>...</p>"}
        description = _("An audio fragment, with an optional transcript.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who says this"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote or testimony")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Hier hoefde ik niets uit te leggen. Ze wisten het gewoon.",
            "attribution": "Deelnemer aan een lotgenotengroep",
        }
        description = _("A participant's voice, with optional attribution.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("tip", _("Tip")), ("attention", _("Attention"))], default="tip"
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip or attention")
        template = "blocks/callout.html"
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "<p>Vat samen voordat je doorvraagt.</p>",
        }
        description = _("A highlighted tip or point of attention.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "blocks/document.html"
        preview_value = {
            "title": "Werkblad: mijn grenzen",
            "description": "Een werkblad om te printen.",
        }
        description = _("A file learners can download, such as a worksheet.")
