"""What a generated SDK's README and api.md say, decided once for every target: the
call the quick start shows, one line per operation, the types each one takes and
returns, and how each credential travels. Targets spell it in their language."""
