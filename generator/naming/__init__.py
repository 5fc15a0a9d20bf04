"""Identifiers for generated code: one word splitter, one casing module, one allocator."""
