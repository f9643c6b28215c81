"""The Groups page and the Roles page: the service calls and the wording of each."""

from __future__ import annotations

from sofa_scim_desktop.gui.directory.names_page import NamesPage
from sofa_scim_desktop.services.directory import NamedItem


class GroupsPage(NamesPage):
    def _items(self) -> list[NamedItem]:
        return self._directory.groups()

    def _create(self, name: str) -> None:
        self._directory.create_group(name)

    def _rename(self, old: str, new: str) -> None:
        self._directory.rename_group(old, new)

    def _delete(self, name: str) -> None:
        self._directory.delete_group(name)

    def _note(self) -> str:
        return self.tr(
            "Sofa groups. A synchronization's group mapping makes the members of an Entra group "
            "members of a Sofa group; an admin can also grant a group by hand on the Users tab."
        )

    def _texts(self) -> dict[str, str]:
        return {
            "add_title": self.tr("Add group"),
            "rename_title": self.tr("Rename group"),
            "name_label": self.tr("Group name:"),
            "delete_title": self.tr("Delete group"),
            "delete": self.tr("Delete the group %1? Its %3 members lose it."),
            "delete_mapped": self.tr(
                "The group %1 is mapped by the synchronizations: %2.\n\nDeleting it also "
                "removes those mappings and the membership of its %3 members, including the "
                "memberships the synchronizations derived from Entra. Delete it?"
            ),
            "error_title": self.tr("Groups"),
        }


class RolesPage(NamesPage):
    def _items(self) -> list[NamedItem]:
        return self._directory.roles()

    def _create(self, name: str) -> None:
        self._directory.create_role(name)

    def _rename(self, old: str, new: str) -> None:
        self._directory.rename_role(old, new)

    def _delete(self, name: str) -> None:
        self._directory.delete_role(name)

    def _note(self) -> str:
        return self.tr(
            "Sofa roles. Administrator and Subject manager are built in: their holders receive "
            "the failure e-mails. A role mapping grants a role to the members of an Entra group."
        )

    def _texts(self) -> dict[str, str]:
        return {
            "add_title": self.tr("Add role"),
            "rename_title": self.tr("Rename role"),
            "name_label": self.tr("Role name:"),
            "delete_title": self.tr("Delete role"),
            "delete": self.tr("Delete the role %1? Its %3 holders lose it."),
            "delete_mapped": self.tr(
                "The role %1 is mapped by the synchronizations: %2.\n\nDeleting it also "
                "removes those mappings and the role from its %3 holders, including the "
                "roles the synchronizations derived from Entra. Delete it?"
            ),
            "error_title": self.tr("Roles"),
        }
