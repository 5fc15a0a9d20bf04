"""How many of the official `stripe-python` call paths the generic SDK of Stripe's spec
has, each checked on the request it sends.

    python -m venv /tmp/stripe-venv && /tmp/stripe-venv/bin/pip install stripe
    python benchmarks/stripe_naming.py SPEC --stripe-python /tmp/stripe-venv/bin/python

SPEC is Stripe's OpenAPI document (`openapi/spec3.yaml` of github.com/stripe/openapi).

1. The official call paths: the official client is run in its own interpreter (its
   package is never imported here). Every public method of every service under
   `StripeClient(...).v1` (and `.v2`) is called with dummy ids (`id0`, `id1`, ...) while its
   request function is replaced by one that records the HTTP method and URL, so each
   call path (`v1.customers.create`) comes with the request it sends.
2. The calls that reach an operation of SPEC are kept; those are the denominator.
3. Our SDK is generated from SPEC with default options (`--target python`, nothing
   else), imported, and each official call path is looked up on our client and
   called the same way over a mock transport. It matches when the attribute path
   exists and the request has the same method and path.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "stripe_bench"
DUMMY_KEY = "sk_test_benchmark"
CREDENTIAL_ARGUMENTS = ("api_key", "token", "username", "password")


# ----------------------------------------------------------------- official call paths


def extract_official() -> list[dict[str, Any]]:
    """Runs inside the interpreter that has `stripe` installed."""
    import stripe  # type: ignore[import-not-found]
    from stripe._stripe_service import StripeService  # type: ignore[import-not-found]

    class Sent(Exception):
        pass

    def record(_self: Any, method: str, url: str, *_args: Any, **_kw: Any) -> Any:
        raise Sent(method, url)

    StripeService._request = record
    StripeService._request_stream = record
    calls: list[dict[str, Any]] = []

    def children(service: Any) -> list[str]:
        names = set(getattr(sys.modules[type(service).__module__], "_subservices", {}))
        for klass in type(service).__mro__:
            names |= set(getattr(klass, "__annotations__", {}))
        return sorted(n for n in names if not n.startswith("_"))

    def walk(service: Any, path: list[str]) -> None:
        for name in children(service):
            child = getattr(service, name, None)
            if isinstance(child, StripeService):
                walk(child, [*path, name])
        for name, function in inspect.getmembers(type(service), inspect.isfunction):
            if name.startswith("_") or name.endswith("_async"):
                continue
            params = list(inspect.signature(function).parameters.values())[1:]
            ids = [
                f"id{i}"
                for i, p in enumerate(p for p in params if p.kind == p.POSITIONAL_ONLY)
            ]
            required = {
                p.name: {}
                for p in params
                if p.kind == p.POSITIONAL_OR_KEYWORD and p.default is p.empty
            }
            try:
                getattr(service, name)(*ids, **required)
            except Sent as sent:
                method, url = sent.args
                calls.append(
                    {
                        "call": ".".join([*path, name]),
                        "method": method,
                        "url": url,
                        "ids": ids,
                    }
                )

    client = stripe.StripeClient(DUMMY_KEY)
    for version in ("v1", "v2"):
        if isinstance(getattr(client, version, None), StripeService):
            walk(getattr(client, version), [version])
    return calls


def official_calls(python: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [python, __file__, "--extract"], check=True, capture_output=True, text=True
    )
    calls: list[dict[str, Any]] = json.loads(done.stdout)
    return calls


# ----------------------------------------------------------------- the spec's operations


def spec_operations(spec: Path) -> list[tuple[str, str, re.Pattern[str]]]:
    """(method, path template, matcher); static segments win over parameters."""
    from generator.ir.build import build
    from generator.load import load

    ops = []
    for op in build(load(str(spec))).all_operations():
        pattern = re.sub(r"\\\{[^/]*?\\\}", "[^/]+", re.escape(op.path))
        ops.append((op.method, op.path, re.compile(f"^{pattern}$")))
    return sorted(ops, key=lambda o: o[1].count("{"))


def operation_of(
    call: dict[str, Any], ops: list[tuple[str, str, re.Pattern[str]]]
) -> str | None:
    path = call["url"].split("?", 1)[0]
    for method, template, matcher in ops:
        if method == call["method"] and matcher.match(path):
            return f"{method.upper()} {template}"
    return None


# ----------------------------------------------------------------- our SDK


def generate(spec: Path, out: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec),
            "--target",
            "python",
            "--output",
            str(out),
            "--package-name",
            PACKAGE,
            "--no-cache",
            "--quiet",
        ],
        cwd=REPO,
        check=True,
    )


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, request: Any) -> Any:
        import httpx

        self.sent.append((request.method.lower(), request.url.path))
        return httpx.Response(200, json={})


def our_client(out: Path, recorder: Recorder) -> Any:
    import httpx

    sys.path.insert(0, str(out))
    package = importlib.import_module(PACKAGE)
    client_class = next(
        obj
        for name, obj in vars(package).items()
        if inspect.isclass(obj)
        and not name.startswith("Async")
        and hasattr(obj, "with_raw_response")
        and "WithRawResponse" not in name
    )
    accepted = inspect.signature(client_class).parameters
    credentials = {n: DUMMY_KEY for n in CREDENTIAL_ARGUMENTS if n in accepted}
    return client_class(
        base_url="https://api.stripe.com",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        **credentials,
    )


def attribute(root: Any, dotted: str) -> Any:
    target = root
    for part in dotted.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def dummy_arguments(method: Any, ids: list[str]) -> tuple[list[str], dict[str, str]]:
    """Our path parameters are positional; every required keyword gets a dummy."""
    params = inspect.signature(method).parameters.values()
    positional = [p for p in params if p.kind == p.POSITIONAL_OR_KEYWORD]
    required = {
        p.name: "x" for p in params if p.kind == p.KEYWORD_ONLY and p.default is p.empty
    }
    values = ids + [f"id{i}" for i in range(len(ids), len(positional))]
    return values[: len(positional)], required


def check(client: Any, recorder: Recorder, call: dict[str, Any]) -> str | None:
    """None when our SDK has the call path and sends the same request; else why not."""
    method = attribute(client, call["call"])
    if method is None or not callable(method):
        return "no such call path"
    args, kwargs = dummy_arguments(method, call["ids"])
    recorder.sent.clear()
    try:
        method(*args, **kwargs)
    except Exception:  # noqa: BLE001 - the reply is a dummy; only the request counts
        pass
    if not recorder.sent:
        return "sent no request"
    sent = recorder.sent[0]
    expected = (call["method"], call["url"].split("?", 1)[0])
    return None if sent == expected else f"sent {sent[0].upper()} {sent[1]}"


def measure(spec: Path, python: str, verbose: bool) -> tuple[int, int]:
    ops = spec_operations(spec)
    calls = [(c, operation_of(c, ops)) for c in official_calls(python)]
    in_spec = [(c, op) for c, op in calls if op is not None]
    recorder = Recorder()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "sdk"
        generate(spec, out)
        client = our_client(out, recorder)
        misses = [
            (c, op, why) for c, op in in_spec if (why := check(client, recorder, c))
        ]
    matched = len(in_spec) - len(misses)
    print(
        f"official call paths: {len(calls)}; reaching an operation of the spec: {len(in_spec)}"
    )
    print(
        f"matched (same call path, same request): {matched} / {len(in_spec)} "
        f"= {100 * matched / max(len(in_spec), 1):.1f} %"
    )
    if verbose:
        for c, op, why in misses:
            print(f"  {c['call']:60} {op}: {why}")
    return matched, len(in_spec)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", nargs="?", type=Path)
    parser.add_argument(
        "--stripe-python",
        default="python3",
        help="an interpreter with the `stripe` package installed",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--extract", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.extract:
        json.dump(extract_official(), sys.stdout)
        return 0
    if args.spec is None:
        parser.error("SPEC is required")
    measure(args.spec, args.stripe_python, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
