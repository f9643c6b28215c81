"""SCIM Users and Groups of one synchronization: canonical JSON plus the columns and rows that
filters, sorting and membership use. Callers hold the transaction (one per request).

# PERF: every statement here is hand-written SQL (storage.sql); this is the path Entra calls.
"""

from sofa_scim_desktop.storage.scim_store.documents import dump
from sofa_scim_desktop.storage.scim_store.documents import load
from sofa_scim_desktop.storage.scim_store.documents import new_id
from sofa_scim_desktop.storage.scim_store.groups import GroupRow
from sofa_scim_desktop.storage.scim_store.groups import delete_group
from sofa_scim_desktop.storage.scim_store.groups import get_group
from sofa_scim_desktop.storage.scim_store.groups import group_by_name
from sofa_scim_desktop.storage.scim_store.groups import insert_group
from sofa_scim_desktop.storage.scim_store.groups import list_groups
from sofa_scim_desktop.storage.scim_store.groups import update_group
from sofa_scim_desktop.storage.scim_store.members import Member
from sofa_scim_desktop.storage.scim_store.members import ResolvedMembers
from sofa_scim_desktop.storage.scim_store.members import add_members
from sofa_scim_desktop.storage.scim_store.members import member_user_pks
from sofa_scim_desktop.storage.scim_store.members import members_of
from sofa_scim_desktop.storage.scim_store.members import remove_all_members
from sofa_scim_desktop.storage.scim_store.members import remove_members
from sofa_scim_desktop.storage.scim_store.members import resolve_members
from sofa_scim_desktop.storage.scim_store.pages import Page
from sofa_scim_desktop.storage.scim_store.pages import Query
from sofa_scim_desktop.storage.scim_store.pages import forget_walks
from sofa_scim_desktop.storage.scim_store.users import UserRow
from sofa_scim_desktop.storage.scim_store.users import delete_user
from sofa_scim_desktop.storage.scim_store.users import fills_sofa_user
from sofa_scim_desktop.storage.scim_store.users import get_user
from sofa_scim_desktop.storage.scim_store.users import insert_user
from sofa_scim_desktop.storage.scim_store.users import link_reports
from sofa_scim_desktop.storage.scim_store.users import list_users
from sofa_scim_desktop.storage.scim_store.users import sofa_user_ids
from sofa_scim_desktop.storage.scim_store.users import update_user
from sofa_scim_desktop.storage.scim_store.users import user_by_name
from sofa_scim_desktop.storage.scim_store.users import user_by_reference
from sofa_scim_desktop.storage.scim_store.users import user_names

__all__ = [
    "GroupRow",
    "Member",
    "Page",
    "Query",
    "ResolvedMembers",
    "UserRow",
    "add_members",
    "delete_group",
    "delete_user",
    "dump",
    "fills_sofa_user",
    "forget_walks",
    "get_group",
    "get_user",
    "group_by_name",
    "insert_group",
    "insert_user",
    "link_reports",
    "list_groups",
    "list_users",
    "load",
    "member_user_pks",
    "members_of",
    "new_id",
    "remove_all_members",
    "remove_members",
    "resolve_members",
    "sofa_user_ids",
    "update_group",
    "update_user",
    "user_by_name",
    "user_by_reference",
    "user_names",
]
