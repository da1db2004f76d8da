#!/usr/bin/env python3
"""Prints kubernetes-validate's verdict on every document of the given files, one JSON object per line.

Usage: scripts/schemas/peer_verdicts.py VERSION FILE_OR_DIR...

Each line: {"file": PATH, "document": N, "item": M or null, "verdict": "valid" | "invalid" | "no-schema" |
"error", "message": TEXT}. `document` counts the YAML documents of the file from 0 (empty ones included, as
kubec's loader counts them); `item` is the index inside a `kind: List`. Validation is the library call that the
`kubernetes-validate --strict` command makes (kubernetes_validate.utils.validate(..., strict=True)), with the
schema files cached in memory so a corpus of hundreds of documents takes seconds.
"""

import functools
import json
import os
import sys

import yaml

try:
    from kubernetes_validate import utils
except ImportError:
    sys.exit("kubernetes-validate is not installed: pip install kubernetes-validate")

utils.schema_contents = functools.lru_cache(maxsize=None)(utils.schema_contents)


def files_of(paths):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for directory, _, names in os.walk(path):
                for name in names:
                    if name.rsplit(".", 1)[-1].lower() in ("yaml", "yml", "json"):
                        found.append(os.path.join(directory, name))
            yield from sorted(found, key=lambda p: p.encode())
        else:
            yield path


def verdict(data, version):
    if not isinstance(data, dict) or "apiVersion" not in data or "kind" not in data:
        return "error", "not an object with apiVersion and kind"
    try:
        utils.validate(data, version, strict=True)
        return "valid", ""
    except utils.SchemaNotFoundError as error:
        return "no-schema", error.message
    except utils.ValidationError as error:
        path = ".".join(str(p) for p in error.path)
        return "invalid", "%s: %s" % (path, error.message)
    except Exception as error:  # noqa: BLE001 - a peer crash is a verdict too
        return "error", "%s: %s" % (type(error).__name__, error)


def main():
    version = sys.argv[1]
    for path in files_of(sys.argv[2:]):
        try:
            with open(path) as handle:
                documents = list(yaml.safe_load_all(handle))
        except Exception as error:  # noqa: BLE001
            print(json.dumps({"file": path, "document": -1, "item": None, "verdict": "error",
                              "message": "unparsable: %s" % error}))
            continue
        for index, document in enumerate(documents):
            if document is None:
                continue
            items = [(None, document)]
            if isinstance(document, dict) and str(document.get("kind", "")).endswith("List") \
                    and isinstance(document.get("items"), list) and "apiVersion" in document:
                items = list(enumerate(document["items"]))
            for item, data in items:
                result, message = verdict(data, version)
                print(json.dumps({"file": path, "document": index, "item": item, "verdict": result,
                                  "message": message[:300]}))


if __name__ == "__main__":
    main()
