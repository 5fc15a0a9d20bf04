"""Hand-written additions to the generic_rest_sdk package.

sdkforge creates this file once and never overwrites it: put customisations here.
Names listed in `__all__` are exported from the package; `patch_sdk()` runs when the
package is imported, after everything else is defined.
"""

__all__: list[str] = []


def patch_sdk() -> None: ...
