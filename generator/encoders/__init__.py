"""Literal and comment encoders, one per output language.

Spec text reaches generated code only through these functions (registered as Jinja
filters by `generator.render`): a literal encoder returns a complete literal, quotes
included, that evaluates to exactly the given value; a comment encoder returns text
that cannot end the comment it sits in. Neither lets an invisible or control character
through raw.
"""
