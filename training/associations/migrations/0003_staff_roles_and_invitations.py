"""Staff get a role (through `AssociationStaff`); invitations; confirmed facilitator links.

The automatic staff table cannot be altered into a through model, so the
links are copied into the new table and the old field is dropped. Staff
linked before roles existed become admins: they were the only people who
could manage the association's page, and an association needs an admin.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def staff_copy_forward(apps, schema_editor):
    Association = apps.get_model("associations", "Association")
    AssociationStaff = apps.get_model("associations", "AssociationStaff")
    through = Association._meta.get_field("staff").remote_field.through
    AssociationStaff.objects.bulk_create(
        AssociationStaff(association_id=row.association_id, user_id=row.user_id, role="admin")
        for row in through.objects.all()
    )


def staff_copy_back(apps, schema_editor):
    Association = apps.get_model("associations", "Association")
    AssociationStaff = apps.get_model("associations", "AssociationStaff")
    through = Association._meta.get_field("staff").remote_field.through
    through.objects.bulk_create(
        through(association_id=row.association_id, user_id=row.user_id)
        for row in AssociationStaff.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0002_membership_and_api_tokens"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AssociationStaff",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("role", models.CharField(choices=[("admin", "administrator"), ("staff", "staff member")], default="staff", max_length=10, verbose_name="role")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("association", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="staff_links", to="associations.association", verbose_name="association")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="association_staff_links", to=settings.AUTH_USER_MODEL, verbose_name="user")),
            ],
            options={
                "verbose_name": "association staff member",
                "verbose_name_plural": "association staff",
                "ordering": ["association", "user__display_name", "user__email"],
                "constraints": [
                    models.UniqueConstraint(fields=("association", "user"), name="associations_one_staff_link_per_user"),
                    models.CheckConstraint(condition=models.Q(("role__in", ["admin", "staff"])), name="associations_staff_role_known"),
                ],
            },
        ),
        migrations.RunPython(staff_copy_forward, staff_copy_back),
        migrations.RemoveField(model_name="association", name="staff"),
        migrations.AddField(
            model_name="association",
            name="staff",
            field=models.ManyToManyField(blank=True, related_name="associations", through="associations.AssociationStaff", to=settings.AUTH_USER_MODEL, verbose_name="staff"),
        ),
        migrations.AddField(
            model_name="associationmembership",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed by the facilitator"),
        ),
        migrations.CreateModel(
            name="AssociationInvitation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(max_length=254, verbose_name="email address")),
                ("kind", models.CharField(choices=[("staff", "staff member"), ("facilitator", "facilitator")], max_length=12, verbose_name="kind")),
                ("role", models.CharField(choices=[("admin", "administrator"), ("staff", "staff member")], default="staff", max_length=10, verbose_name="role")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("accepted_at", models.DateTimeField(blank=True, null=True)),
                ("accepted_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("association", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="invitations", to="associations.association", verbose_name="association")),
                ("invited_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "association invitation",
                "verbose_name_plural": "association invitations",
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(condition=models.Q(("accepted_at__isnull", True)), fields=("association", "email", "kind"), name="associations_one_open_invitation"),
                    models.CheckConstraint(condition=models.Q(("kind__in", ["staff", "facilitator"])), name="associations_invitation_kind"),
                    models.CheckConstraint(condition=models.Q(("role__in", ["admin", "staff"])), name="associations_invitation_role"),
                ],
            },
        ),
    ]
