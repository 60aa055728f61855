"""Inventories in: an assessment as JSON or YAML, or a list of flows as YAML or CSV (one row per flow).

A YAML mapping is the API's request body written in YAML and reads exactly as
the JSON would. A YAML list or a CSV file is an inventory: one flow per item or
row, the landscape at its defaults except `systems`, which is counted from the
systems the flows name (a CSV has no place for it). In a CSV, `consumers`
holds the names separated by semicolons, `volume` may stand for
`volume_per_day`, and an empty cell means the answer is not given. Mistakes in
an inventory are named by row and column ("row 7, latency: must be ..."): the
row as a spreadsheet numbers it (the header is row 1), or the item's position
in a YAML list.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

import yaml

from advisor.engine import Assessment, FieldError, InvalidAssessment, parse_assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS
from advisor.json_input import MAX_DEPTH, UnreadableJson, depth, load_json

Kind = Literal["json", "yaml", "csv"]
KINDS: Final = ("json", "yaml", "csv")
MEDIA_TYPES: Final[dict[str, Kind]] = {
    "application/json": "json",
    "application/yaml": "yaml",
    "application/x-yaml": "yaml",
    "text/yaml": "yaml",
    "text/csv": "csv",
}
COLUMN_ALIASES: Final = {"volume": "volume_per_day"}
CONSUMER_SEPARATOR: Final = ";"
_FLOW_PATH: Final = re.compile(r"^flows\[(\d+)\]\.?(.*)$")
_NUMBER: Final = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


class UnreadableInventory(ValueError):
    """Not JSON, YAML or CSV this reads; the message says what is wrong and where."""


def kind_of(name: str = "", media_type: str = "", text: str = "") -> Kind:
    """The inventory's kind from its file name, its media type or, failing both, its first line."""
    lowered = name.lower()
    for suffix, kind in ((".json", "json"), (".yaml", "yaml"), (".yml", "yaml"), (".csv", "csv")):
        if lowered.endswith(suffix):
            return kind  # type: ignore[return-value]
    if media_type in MEDIA_TYPES:
        return MEDIA_TYPES[media_type]
    start = text.lstrip()[:1]
    if start in ("{", "["):
        return "json"
    first_line = text.lstrip().split("\n", 1)[0]
    if "," in first_line and ":" not in first_line and first_line.split(",", 1)[0].strip() in _COLUMNS:
        return "csv"
    return "yaml"


@dataclass(frozen=True, slots=True)
class Loaded:
    """An inventory read into the API's request shape, and how its flows are numbered as rows."""

    request: object
    # The row of the first flow (2 in a CSV, under its header; 1 in a YAML list); None for a whole assessment.
    first_row: int | None = None
    # Columns the file named by another name ("volume"): errors name them as the file does.
    columns: tuple[tuple[str, str], ...] = ()


def read_inventory(text: str | bytes, kind: Kind) -> Assessment:
    """The assessment an inventory describes; UnreadableInventory or InvalidAssessment (by row) if not."""
    return parse_inventory(load_inventory(text, kind))


def load_inventory(text: str | bytes, kind: Kind) -> Loaded:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableInventory("is not UTF-8 text") from None
    if kind == "csv":
        rows, aliases = _csv_rows(text)
        return Loaded(_as_request(rows), 2, aliases)
    if kind == "json":
        try:
            raw = load_json(text)
        except UnreadableJson as error:
            raise UnreadableInventory(str(error)) from None
    else:
        raw = load_yaml(text)
    if isinstance(raw, list):
        return Loaded(_as_request(raw), 1)
    return Loaded(raw)


def parse_inventory(loaded: Loaded) -> Assessment:
    try:
        return parse_assessment(loaded.request)
    except InvalidAssessment as invalid:
        if loaded.first_row is None:
            raise
        named = dict(loaded.columns)
        raise InvalidAssessment([_by_row(e, loaded.first_row, named) for e in invalid.errors]) from None


def _as_request(rows: list[Any]) -> dict[str, Any]:
    """Rows of flows as a request body, with as many systems as the flows name."""
    systems: dict[str, None] = {}
    for row in rows:
        if isinstance(row, dict):
            consumers = row.get("consumers") or ["consumer"]
            names = [row.get("source") or "Source", *(consumers if isinstance(consumers, list) else [])]
            systems.update(dict.fromkeys(n.strip().casefold() for n in names if isinstance(n, str)))
    bounds = LANDSCAPE_ANSWERS["systems"]
    return {"landscape": {"systems": min(max(len(systems), int(bounds.low)), int(bounds.high))}, "flows": rows}


def _by_row(error: FieldError, first_row: int, named: dict[str, str]) -> FieldError:
    """`flows[5].latency` as a person finds it in the file: `row 7, latency`."""
    match = _FLOW_PATH.match(error.field)
    if match is None:
        return error
    row = int(match.group(1)) + first_row
    column = match.group(2)
    field = column.split("[", 1)[0]
    if field in named:
        column = named[field] + column[len(field) :]
    return replace(error, field=f"row {row}, {column}" if column else f"row {row}")


_COLUMNS: Final = {*FLOW_ANSWERS, *COLUMN_ALIASES}


def _csv_rows(text: str) -> tuple[list[dict[str, Any]], tuple[tuple[str, str], ...]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise UnreadableInventory("is empty: the first row names the columns, e.g. name,source,consumers") from None
    except csv.Error as error:
        raise UnreadableInventory(f"row 1: {error}") from None
    columns = [COLUMN_ALIASES.get(h.strip(), h.strip()) for h in header]
    aliases = tuple((COLUMN_ALIASES[h.strip()], h.strip()) for h in header if h.strip() in COLUMN_ALIASES)
    unknown = [h for h in columns if h not in FLOW_ANSWERS]
    if unknown:
        expected = ", ".join(FLOW_ANSWERS)
        raise UnreadableInventory(f"row 1: unknown column {', '.join(unknown)}; expected some of: {expected}")
    rows: list[dict[str, Any]] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise UnreadableInventory(f"row {reader.line_num}: has {len(cells)} cells, the header {len(columns)}")
            given = zip(columns, cells, strict=False)
            rows.append({column: _cell(column, cell) for column, cell in given if cell.strip()})
    except csv.Error as error:
        raise UnreadableInventory(f"row {reader.line_num}: {error}") from None
    return rows, aliases


def _cell(column: str, cell: str) -> Any:
    """A cell as the answer's kind reads it: names split at semicolons, numbers as numbers."""
    value = cell.strip()
    answer = FLOW_ANSWERS[column]
    if answer.kind == "names":
        return [name.strip() for name in value.split(CONSUMER_SEPARATOR) if name.strip()]
    if answer.kind in ("integer", "number") and _NUMBER.match(value.replace(",", "").replace("_", "")):
        number = float(value.replace(",", "").replace("_", ""))
        return int(number) if number.is_integer() else number
    return value


class _InventoryLoader(yaml.SafeLoader):
    """YAML 1.2's booleans (true/false only): `replay: no` is the answer "no", not False."""


_InventoryLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_InventoryLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _no_aliases(loader: Callable[..., Any]) -> Callable[..., Any]:
    def compose(self: yaml.SafeLoader, *args: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "uses an alias (*name); write the value out instead", mark)
        return loader(self, *args)

    return compose


# Anchors and aliases let a few bytes expand into millions of values; no inventory needs them.
_InventoryLoader.compose_node = _no_aliases(yaml.SafeLoader.compose_node)  # type: ignore[method-assign]


def load_yaml(text: str) -> object:
    try:
        value = yaml.load(text, Loader=_InventoryLoader)
    except RecursionError:
        raise UnreadableInventory(f"is nested more than {MAX_DEPTH} levels deep") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise UnreadableInventory(f"is not valid YAML: {where}{error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise UnreadableInventory(f"is not valid YAML: {error}") from None
    if depth(value) > MAX_DEPTH:
        raise UnreadableInventory(f"is nested more than {MAX_DEPTH} levels deep")
    return value
