"""The IR: `model` holds the dataclasses, `build` turns a loaded Document into an `Api`."""
