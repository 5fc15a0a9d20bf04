"""`sdkforge diff`: what changed between two versions of a spec, for the SDK's users.

`compare(old, new)` walks two IRs (built, no flavor applied) and returns a
`Changelog` of changes grouped by resource, each marked breaking or not; `render`
prints it as text, Markdown or JSON.
"""

from generator.diff.changes import Change, Changelog
from generator.diff.compare import compare
from generator.diff.render import render

__all__ = ["Change", "Changelog", "compare", "render"]
