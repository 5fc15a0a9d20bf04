"""sdkforge: OpenAPI documents in, typed SDKs out."""

__version__ = "0.1.0"
