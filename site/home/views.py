from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from training.courses.models import CoursePage, LessonPage, ModulePage

SEARCHABLE_TYPES = (CoursePage, LessonPage, ModulePage)


def search(request):
    """Search published course content (courses, modules, lessons)."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().type(*SEARCHABLE_TYPES).specific().search(query)
    page = Paginator(results, 10).get_page(request.GET.get("pagina"))
    return TemplateResponse(request, "search/search.html", {"query": query, "results": page})


def server_error(request):
    return TemplateResponse(request, "500.html", status=500).render()
