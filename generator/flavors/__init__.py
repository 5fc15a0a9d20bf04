"""Flavors: OpenAI and Azure conventions, as data."""
