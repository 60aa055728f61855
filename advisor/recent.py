"""The engine's answers for inputs this process saw a moment ago.

The editor previews the saved inputs each time it opens (htmx's `load` trigger) and again after
each change, often back to answers it just showed; API clients retry the same body. The engine is
a pure function of its (frozen, hashable) inputs and this process's ENGINE_VERSION, so a small
per-process LRU is exact, costs nothing to keep consistent and takes the engine's 15-30 ms off
those requests. Nothing is shared between processes: there is nothing to invalidate.
"""

from __future__ import annotations

import functools
import json

from advisor.engine import Assessment, Recommendation, recommend, recommendation_to_dict

# A 10-flow answer and its JSON take about 150 KB of memory, the largest valid input's about 0.8 MB
# with the inputs: 64 of those stay under 50 MB a process.
REMEMBERED = 64


@functools.lru_cache(maxsize=REMEMBERED)
def recommendation(assessment: Assessment) -> Recommendation:
    return recommend(assessment)


@functools.lru_cache(maxsize=REMEMBERED)
def recommendation_json(assessment: Assessment) -> bytes:
    """The API's response body for these inputs."""
    return json.dumps(recommendation_to_dict(recommendation(assessment)), ensure_ascii=False).encode()
