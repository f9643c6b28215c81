"""The SCIM schemas Sofa implements (RFC 7643 §4, §8.7.1): exactly the attributes we store."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str = "string"  # string | boolean | complex | reference | dateTime
    multi_valued: bool = False
    sub_attributes: tuple[Attribute, ...] = ()
    case_exact: bool = False
    mutability: str = "readWrite"
    returned: str = "default"
    uniqueness: str = "none"
    required: bool = False
    description: str = ""
    canonical_values: tuple[str, ...] = ()
    reference_types: tuple[str, ...] = ()
    _subs: dict[str, Attribute] = field(init=False, repr=False, compare=False, hash=False)
    # One element of a multi-valued attribute, as canonicalisation checks it (itself otherwise).
    element: Attribute = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        subs = {a.name.lower(): a for a in self.sub_attributes}
        object.__setattr__(self, "_subs", subs)
        element = (
            Attribute(self.name, self.type, sub_attributes=self.sub_attributes)
            if self.multi_valued
            else self
        )
        object.__setattr__(self, "element", element)

    def sub(self, name: str) -> Attribute | None:
        """RFC 7643 §2.1: attribute names are case-insensitive."""
        return self._subs.get(name.lower())


@dataclass(frozen=True)
class Schema:
    id: str
    name: str
    description: str
    attributes: tuple[Attribute, ...]
    _index: dict[str, Attribute] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {a.name.lower(): a for a in self.attributes})

    def attribute(self, name: str) -> Attribute | None:
        """RFC 7643 §2.1: attribute names are case-insensitive."""
        return self._index.get(name.lower())


def _multi(name: str, description: str, types: tuple[str, ...], *extra: Attribute) -> Attribute:
    subs = (
        *extra,
        Attribute("type", canonical_values=types, description="A label, e.g. 'work'."),
        Attribute("primary", "boolean", description="The primary value; at most one."),
    )
    return Attribute(
        name, "complex", multi_valued=True, sub_attributes=subs, description=description
    )


_VALUE = Attribute("value", description="The value, stored exactly as sent.")

USER = Schema(
    USER_SCHEMA,
    "User",
    "User Account",  # RFC 7643 §8.7.1
    (
        Attribute(
            "userName",
            required=True,
            uniqueness="server",
            description="Personal details » User name; unique in Sofa.",
        ),
        Attribute(
            "name",
            "complex",
            description="The user's name.",
            sub_attributes=(
                Attribute("formatted", description="Not mapped: kept and returned."),
                Attribute("familyName", description="Personal details » Surname."),
                Attribute("givenName", description="Personal details » Name."),
                Attribute("honorificPrefix", description="Academic degree in front of the name."),
                Attribute("honorificSuffix", description="Academic degree behind the name."),
            ),
        ),
        Attribute("displayName", description="Display name used only for synchronization."),
        Attribute("title", description="Organizational details » Job."),
        Attribute("preferredLanguage", description="Not mapped: kept and returned."),
        Attribute("active", "boolean", description="Enables or disables the Sofa user."),
        _multi(
            "emails",
            "E-mail addresses; 'work' is the notification e-mail.",
            ("work", "home", "other"),
            _VALUE,
        ),
        _multi(
            "phoneNumbers",
            "'work' is the telephone, 'mobile' the mobile phone.",
            ("work", "mobile", "fax", "home", "other"),
            _VALUE,
        ),
        _multi(
            "addresses",
            "Not mapped: kept and returned.",
            ("work", "home", "other"),
            Attribute("formatted"),
            Attribute("streetAddress"),
            Attribute("locality"),
            Attribute("region"),
            Attribute("postalCode"),
            Attribute("country"),
        ),
        Attribute(
            "externalId",
            case_exact=True,
            description="Organizational details » SSO identifier (Entra objectId).",
        ),
    ),
)

ENTERPRISE_USER = Schema(
    ENTERPRISE_SCHEMA,
    "EnterpriseUser",
    "Enterprise User",  # RFC 7643 §8.7.1
    (
        Attribute("employeeNumber", description="Personal details » Personal number."),
        Attribute("department", description="Organizational details » Department."),
        Attribute(
            "manager",
            "complex",
            description="Organizational details » Direct superior.",
            sub_attributes=(
                Attribute("value", case_exact=True, description="The manager's id."),
                Attribute(
                    "$ref", "reference", reference_types=("User",), description="The manager's URI."
                ),
                Attribute("displayName", mutability="readOnly"),
            ),
        ),
    ),
)

GROUP = Schema(
    GROUP_SCHEMA,
    "Group",
    "Group",  # RFC 7643 §8.7.1; its Object Id (externalId) is what the mappings name.
    (
        Attribute(
            "displayName",
            required=True,
            uniqueness="server",
            description="The group's name; unique within the synchronization.",
        ),
        Attribute("externalId", case_exact=True, description="The Entra group's Object Id."),
        Attribute(
            "members",
            "complex",
            multi_valued=True,
            returned="default",
            description="Users (and nested groups) in the group.",
            sub_attributes=(
                Attribute("value", case_exact=True, mutability="immutable"),
                Attribute(
                    "$ref", "reference", mutability="immutable", reference_types=("User", "Group")
                ),
                Attribute("type", mutability="immutable", canonical_values=("User", "Group")),
                # RFC 7643 §7 "request": only with `attributes=members.display`; Entra never
                # reads it, and a client comparing what it sent with what it reads does not
                # expect a value it could not send (scim2-tester).
                Attribute("display", mutability="readOnly", returned="request"),
            ),
        ),
    ),
)

# The attributes common to every resource (RFC 7643 §3.1), filterable like the others.
COMMON = Schema(
    "urn:sofa:common",
    "Common",
    "id, externalId and meta",
    (
        Attribute("id", case_exact=True, mutability="readOnly", returned="always"),
        Attribute(
            "meta",
            "complex",
            mutability="readOnly",
            sub_attributes=(
                Attribute("resourceType", case_exact=True, mutability="readOnly"),
                Attribute("created", "dateTime", mutability="readOnly"),
                Attribute("lastModified", "dateTime", mutability="readOnly"),
                Attribute("location", "reference", mutability="readOnly"),
                Attribute("version", case_exact=True, mutability="readOnly"),
            ),
        ),
    ),
)


# NOTE: compared and hashed by identity (there is one of each): caches key on it cheaply.
@dataclass(frozen=True, eq=False)
class ResourceType:
    name: str
    endpoint: str
    schema: Schema
    extensions: tuple[Schema, ...] = ()
    _by_urn: dict[str, Schema] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        schemas = (self.schema, *self.extensions)
        object.__setattr__(self, "_by_urn", {s.id.lower(): s for s in schemas})

    def schema_for_urn(self, urn: str) -> Schema | None:
        return self._by_urn.get(urn.lower())


USER_TYPE = ResourceType("User", "/Users", USER, (ENTERPRISE_USER,))
GROUP_TYPE = ResourceType("Group", "/Groups", GROUP)
RESOURCE_TYPES = (USER_TYPE, GROUP_TYPE)
