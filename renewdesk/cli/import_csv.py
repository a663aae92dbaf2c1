"""`renewdesk import-csv FILE --kind customers|services --map MAPPING.json [--dry-run]`.

The file is imported whole or not at all; when rows are refused, every one is listed (its row
and column) and nothing is written. A dry run prints what the import would do."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from renewdesk.app import App
from renewdesk.services.exchange import csv_file
from renewdesk.services.exchange.preview import Preview


def _counts(created: tuple[tuple[str, int], ...], updated: tuple[tuple[str, int], ...]) -> str:
    kinds = sorted({k for k, _ in created} | {k for k, _ in updated})
    made, changed = dict(created), dict(updated)
    return ", ".join(f"{k}: {made.get(k, 0)} created, {changed.get(k, 0)} updated"
                     for k in kinds) or "nothing to import"


def cmd_import_csv(app: App, args: argparse.Namespace, out: TextIO) -> None:
    mapping = csv_file.load_mapping(Path(args.map), args.kind, args.map)
    made = csv_file.read_csv_file(Path(args.file), mapping, args.file)
    ctx = app.context()
    name = Path(args.file).name
    if args.dry_run:
        preview: Preview = csv_file.preview_csv(ctx, made)
        if not preview.ok:
            raise csv_file.CsvRefused(preview, args.file)
        out.write(f"{name} would import: {_counts(preview.created, preview.updated)}\n")
        return
    imported = csv_file.import_csv(ctx, made, args.file)
    out.write(f"imported {name}: {_counts(imported.created, imported.updated)}\n")
