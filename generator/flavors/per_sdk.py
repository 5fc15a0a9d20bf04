"""What a flavor settles per SDK: the grouping asked for, the environment variables'
prefix (from the package name) and the default client class (from the spec's title)."""

from __future__ import annotations

from dataclasses import replace

from generator.flavors.flavor import Flavor, GroupBy
from generator.ir.model import Api
from generator.naming.casing import pascal, upper_snake


def for_sdk(flavor: Flavor, *, package_name: str, group_by: GroupBy | None) -> Flavor:
    if group_by is not None:
        # Asked for by name, it replaces the flavor's own grouping.
        flavor = replace(flavor, group_by=group_by, operation_grouping="path")
    if flavor.env_prefix_from_package:
        prefix = upper_snake(package_name) or upper_snake(flavor.client_name)
        flavor = replace(flavor, env_prefix=prefix, env_base_url=f"{prefix}_BASE_URL")
    return flavor


def client_class(flavor: Flavor, api: Api, package_name: str) -> str:
    """`Twilio - Messaging` → `TwilioMessaging`; a title with no usable word → the
    package name (`plaid_sdk` → `PlaidSdk`)."""
    if not flavor.client_name_from_title:
        return flavor.client_name
    return pascal(api.title) or pascal(package_name) or flavor.client_name
