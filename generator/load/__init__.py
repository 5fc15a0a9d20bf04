"""Read spec files, follow refs, upgrade Swagger 2.0, validate: `load(path) -> Document`."""
