"""One module per CLI command; `errors.run_or_exit` maps bad input to exit code 2."""
