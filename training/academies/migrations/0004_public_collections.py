"""Each academy's collection gets its public sub-collection, "Openbaar" (training/files).

Images and documents there are for anyone (an academy's public pages); the rest of the
academy's collection is for its own people. Nothing to do on a fresh database; safe to
run again.
"""

from django.db import migrations

PUBLIC_COLLECTION = "Openbaar"


def public_collections_add(apps, schema_editor):
    # Live Collection: a tree (treebeard) that historical models cannot grow.
    from wagtail.models import Collection

    Academy = apps.get_model("academies", "Academy")
    for collection_id in Academy.objects.values_list("collection_id", flat=True):
        collection = Collection.objects.get(pk=collection_id)
        if not collection.get_children().filter(name=PUBLIC_COLLECTION).exists():
            collection.add_child(name=PUBLIC_COLLECTION)


class Migration(migrations.Migration):
    dependencies = [
        ("academies", "0003_course_copy"),
    ]

    operations = [
        migrations.RunPython(public_collections_add, migrations.RunPython.noop, elidable=True),
    ]
