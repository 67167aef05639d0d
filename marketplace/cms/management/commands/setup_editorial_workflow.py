from django.core.management.base import BaseCommand

from marketplace.cms.workflow import ensure_editorial_workflow


class Command(BaseCommand):
    help = "Create the Curators and Editors groups and the Curation workflow (idempotent)."

    def handle(self, *args, **options):
        workflow = ensure_editorial_workflow()
        self.stdout.write(f"Workflow {workflow.name!r} moderates every page.")
