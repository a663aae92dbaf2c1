"""`renewdesk import-csv FILE --kind customers|services --map MAPPING.json [--dry-run]`.

The file is imported whole or not at all; when rows are refused, every one is listed (its row
and column) and nothing is written. A dry run prints what the import would do."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from renewdesk.app import App
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.refusal_words import colon
from renewdesk.services.exchange import csv_file
from renewdesk.services.exchange.preview import Preview


def counts(made: Mapping[str, int], changed: Mapping[str, int], language: str) -> str:
    """What an import made and changed, by kind (the exchange file's names for them)."""
    return ", ".join(f"{kind}{colon(language)}" + tr(
        language, "{created} created, {updated} updated", created=made.get(kind, 0),
        updated=changed.get(kind, 0)) for kind in sorted(set(made) | set(changed))
    ) or tr(language, "nothing to import")


def cmd_import_csv(app: App, args: argparse.Namespace, out: TextIO) -> None:
    mapping = csv_file.load_mapping(Path(args.map), args.kind, args.map)
    made = csv_file.read_csv_file(Path(args.file), mapping, args.file)
    ctx = app.context()
    name = Path(args.file).name
    language = cli_language(app.env)
    if args.dry_run:
        preview: Preview = csv_file.preview_csv(ctx, made)
        if not preview.ok:
            raise csv_file.CsvRefused(preview, args.file)
        out.write(tr(language, "{name} would import: {counts}", name=name, counts=counts(
            dict(preview.created), dict(preview.updated), language)) + "\n")
        return
    imported = csv_file.import_csv(ctx, made, args.file)
    out.write(tr(language, "imported {name}: {counts}", name=name, counts=counts(
        dict(imported.created), dict(imported.updated), language)) + "\n")
