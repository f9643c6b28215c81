"""Who is told about synchronization trouble: active holders of Administrator or Subject
manager (granted by hand or derived), at their notification e-mail (SPEC §2).
"""

from __future__ import annotations

from sofa_scim_desktop.domain.roles import BUILTIN_ROLES
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SofaUser

ROLES = BUILTIN_ROLES


def administrators() -> list[str]:
    query = (
        SofaUser.select(SofaUser.notification_email)
        .join(RoleMembership, on=RoleMembership.user == SofaUser.id)
        .join(SofaRole, on=RoleMembership.role == SofaRole.id)
        .where(
            SofaRole.name.in_(ROLES)
            & SofaRole.builtin
            & SofaUser.active
            & ~SofaUser.removed
            & SofaUser.notification_email.is_null(False)
            & (SofaUser.notification_email != "")
        )
        .distinct()
        .tuples()
    )
    return sorted({email.strip() for (email,) in query if email.strip()})
