"""The editorial workflow: curators write and submit pages, editors approve and publish.

``ensure_editorial_workflow()`` is idempotent; seed_demo runs it, and so can a deployment
(``manage.py setup_editorial_workflow``).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CURATORS = "Curators"
EDITORS = "Editors"
WORKFLOW_NAME = "Curation"
TASK_NAME = "Editor approval"
PAGE_PERMISSIONS = {
    CURATORS: ("add_page", "change_page"),
    EDITORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
IMAGE_PERMISSIONS = ("add_image", "choose_image")


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, root, codenames):
    page_type = ContentType.objects.get_for_model(Page)
    for codename in codenames:
        permission = Permission.objects.get(content_type=page_type, codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _grant_images(group):
    root = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission("wagtailimages", codename)
        )


def _approval_workflow(editors):
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    return workflow


@transaction.atomic
def ensure_editorial_workflow():
    """Create or complete the Curators and Editors groups and the Curation workflow."""
    root = Page.get_first_root_node()
    access_admin = _permission("wagtailadmin", "access_admin")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        _grant_pages(group, root, codenames)
        _grant_images(group)
        groups[name] = group
    workflow = _approval_workflow(groups[EDITORS])
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
