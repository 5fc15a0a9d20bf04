"""Targets: map the IR to a language and plan its files."""
