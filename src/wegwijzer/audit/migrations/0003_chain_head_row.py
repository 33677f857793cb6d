"""Create the chain's head row once, here, so the first two appends cannot race to make it."""

from django.db import migrations

GENESIS = "0" * 64


def create_head(apps, schema_editor):
    ChainHead = apps.get_model("audit", "ChainHead")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    if not ChainHead.objects.filter(pk=1).exists():
        newest = AuditEntry.objects.order_by("-id").first()
        ChainHead.objects.create(pk=1, hash=newest.hash if newest else GENESIS)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
