"""Site-wide pages: the home page and plain content pages (about, privacy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from training import blocks
from training.blocks import RICH_TEXT_FEATURES


class StandardStreamBlock(wagtail_blocks.StreamBlock):
    heading = blocks.HeadingBlock()
    paragraph = blocks.ParagraphBlock()
    image = blocks.ImageBlock()
    quote = blocks.QuoteBlock()
    callout = blocks.CalloutBlock()
    document = blocks.DocumentBlock()


class HomePage(Page):
    lead = models.CharField(_("lead"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(StandardStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CatalogPage", "academies.AcademyCatalogPage", "home.StandardPage"]
    template = "home/home_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from training.courses.models import CatalogPage
        from training.courses.pillars import Pillar
        from training.courses.selectors import catalog_courses

        context = super().get_context(request, *args, **kwargs)
        catalog = CatalogPage.objects.child_of(self).live().first()
        context["catalog"] = catalog
        context["pillars"] = list(Pillar)
        context["courses"] = catalog_courses(catalog=catalog) if catalog else []
        return context


class StandardPage(Page):
    intro = models.CharField(_("introduction"), max_length=250, blank=True)
    body = StreamField(StandardStreamBlock(), verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
