"""JSON from outside (API bodies, imported files, the command line), read without surprises.

An assessment is at most four levels deep; a body nested far deeper is an
attack or a mistake, and Python's parser would answer it with a
RecursionError. Both are refused here with a message, before anything walks
the value.
"""

from __future__ import annotations

import json

# The deepest valid assessment: body → flows → flow → consumers. Room to spare for a clear message.
MAX_DEPTH = 32


class UnreadableJson(ValueError):
    """Not JSON, or JSON nested too deeply; the message says which."""


def load_json(text: str | bytes) -> object:
    try:
        value = json.loads(text)
    except RecursionError:
        raise UnreadableJson(f"is nested more than {MAX_DEPTH} levels deep") from None
    except UnicodeDecodeError:
        raise UnreadableJson("is not UTF-8 text") from None
    except ValueError as error:
        raise UnreadableJson(f"is not valid JSON: {error}") from None
    if depth(value) > MAX_DEPTH:
        raise UnreadableJson(f"is nested more than {MAX_DEPTH} levels deep")
    return value


def depth(value: object) -> int:
    """How deeply lists and objects nest, walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest
