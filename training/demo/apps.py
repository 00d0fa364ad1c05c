from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts for local use (`manage.py seed_demo`)."""

    name = "training.demo"
    label = "demo"
    verbose_name = "Demo"
