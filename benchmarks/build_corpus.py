#!/usr/bin/env python3
"""Assemble the corpus of public OpenAPI documents that `corpus.py` runs on.

    python benchmarks/build_corpus.py --mirrors MIRRORS --out CORPUS

`benchmarks/corpus-sources.json` lists, per public repository, the commit to read,
the entry documents to take and whether they are published API descriptions
("real") or test specs. Every entry is copied with the files its `$ref`s reach,
keeping their relative layout, under `CORPUS/<dest>/`. `MANIFEST.json` records
where each document came from; `real.txt` and `invalid.txt` are the lists
`corpus.py --real` and `--invalid` read.

MIRRORS holds one bare clone per repository, as `MIRRORS/<owner>+<name>/repo` or
`MIRRORS/<owner>+<name>.git` (see benchmarks/README.md). Only `git` is run; the
corpus is data and never goes into this repository.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import parse_tree, ref_files

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "corpus-sources.json"


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    base: str
    dest: str
    entries: tuple[str, ...]
    real: bool
    invalid: dict[str, str]
    """Entry → why the document itself is broken (a refusal is then the right outcome)."""
    rename: dict[str, str]
    """Entry → the name it gets in the corpus (an entry whose name does not end in .json)."""


def read_sources(path: Path) -> list[Source]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Source(
            repo=item["repo"],
            commit=item["commit"],
            base=item.get("base", ""),
            dest=item["dest"],
            entries=tuple(item["entries"]),
            real=bool(item.get("real", False)),
            invalid=dict(item.get("invalid", {})),
            rename=dict(item.get("rename", {})),
        )
        for item in raw["sources"]
    ]


def git_dir(mirrors: Path, repo: str) -> Path:
    stem = repo.replace("/", "+")
    for candidate in (mirrors / stem / "repo", mirrors / f"{stem}.git", mirrors / stem):
        if (candidate / "HEAD").is_file():
            return candidate
    raise SystemExit(
        f"no bare clone of {repo} under {mirrors} (expected {stem}/repo or {stem}.git)"
    )


def read_blob(git: Path, commit: str, path: str) -> bytes | None:
    result = subprocess.run(
        ["git", f"--git-dir={git}", "cat-file", "blob", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def closure(git: Path, source: Source, entry: str) -> dict[str, bytes | None]:
    """The entry and every file its refs reach (repo paths → bytes, None if absent)."""
    found: dict[str, bytes | None] = {}
    queue = [posixpath.normpath(posixpath.join(source.base, entry))]
    while queue:
        path = queue.pop()
        if path in found:
            continue
        data = read_blob(git, source.commit, path)
        found[path] = data
        if data is None:
            continue
        for ref in ref_files(parse_tree(data)):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), ref))
            if not target.startswith("../") and target not in found:
                queue.append(target)
    return found


def build(mirrors: Path, out: Path, sources: list[Source]) -> dict[str, Any]:
    documents: list[dict[str, Any]] = []
    missing: list[str] = []
    copied = 0
    for source in sources:
        git = git_dir(mirrors, source.repo)
        for entry in source.entries:
            for path, data in closure(git, source, entry).items():
                relative = posixpath.relpath(path, source.base or ".")
                relative = source.rename.get(relative, relative)
                if data is None:
                    missing.append(f"{source.repo}@{source.commit[:10]}:{path}")
                    continue
                target = out / source.dest / relative
                if relative.startswith("../"):
                    continue  # outside the source's base: left out, the ref then dangles
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                copied += 1
            document: dict[str, Any] = {
                "path": posixpath.join(source.dest, source.rename.get(entry, entry)),
                "repo": source.repo,
                "commit": source.commit,
                "source_path": posixpath.join(source.base, entry),
                "real": source.real,
            }
            if entry in source.invalid:
                document["invalid"] = source.invalid[entry]
            documents.append(document)
    return {"documents": documents, "files_copied": copied, "missing": missing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mirrors", type=Path, required=True, help="folder of bare clones"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="corpus folder to (re)create"
    )
    parser.add_argument("--sources", type=Path, default=SOURCES)
    args = parser.parse_args(argv)
    sources = read_sources(args.sources)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    result = build(args.mirrors, args.out, sources)
    documents = result["documents"]
    (args.out / "MANIFEST.json").write_text(
        json.dumps(result, indent=1) + "\n", encoding="utf-8"
    )
    (args.out / "real.txt").write_text(
        "".join(d["path"] + "\n" for d in documents if d["real"]), encoding="utf-8"
    )
    (args.out / "invalid.txt").write_text(
        "".join(f"{d['path']}\t{d['invalid']}\n" for d in documents if "invalid" in d),
        encoding="utf-8",
    )
    real = sum(1 for d in documents if d["real"])
    print(
        f"{len(documents)} documents ({real} real), {result['files_copied']} files,"
        f" {len(result['missing'])} referenced files missing from their repository",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
