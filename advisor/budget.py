"""What the engine may spend: per client in a window (ENGINE_BUDGET), and per request (ENGINE_SECONDS).

Counting requests does not bound cost: one valid body can cost a thousand times another. So each
engine run of the API's recommendations and the editor's preview is charged to its client in
milliseconds of a worker's time, and a client that spent its budget is refused (429) until the window
ends, before any of its work starts. A single run that holds its worker over ENGINE_SECONDS is
stopped where it is and answered 503: no body holds a worker longer than that, whether it is costly
or the machine is busy.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from advisor.clients import client_address

PERIODS = {"s": 1, "m": 60, "h": 3600}


class OverBudget(Exception):
    """The engine was not run, or was stopped: `wait` seconds until the client may try again."""

    def __init__(self, wait: int, stopped: bool) -> None:
        super().__init__(wait)
        self.wait = wait
        # True: this request's own run went over ENGINE_SECONDS; False: the client's window is spent.
        self.stopped = stopped

    @property
    def status(self) -> int:
        return 503 if self.stopped else 429

    @property
    def detail(self) -> str:
        if self.stopped:
            return (
                f"Working this out took the server more than {settings.ADVISOR_ENGINE_SECONDS:g} seconds, so it "
                f"was stopped and nothing was stored; try again in {self.wait} seconds. Fewer flows, fewer "
                "consumers or fewer answers left as 'not sure' take less."
            )
        return f"Your address has used its share of the server's time; try again in {self.wait} seconds."


class _Stop(BaseException):
    """Raised inside the engine by the timer; a BaseException so no `except Exception` swallows it."""


def _rate(text: str) -> tuple[float, int]:
    """ "10/m" → (10.0 seconds, a 60-second window)."""
    amount, _, unit = text.partition("/")
    return float(amount), PERIODS[unit[-1]] * int(unit[:-1] or 1)


def within_budget[T](request: HttpRequest, work: Callable[[], T]) -> T:
    """`work()` (an engine run), charged to the request's client; raises OverBudget instead of running it
    when the client's window is spent, and when the run itself goes over ENGINE_SECONDS."""
    seconds, period = _rate(settings.ADVISOR_ENGINE_BUDGET)
    now = time.time()
    window = int(now // period)
    wait = max(1, int((window + 1) * period - now))
    key = f"engine-budget:{client_address(request)}:{period}:{window}"
    if (cache.get(key) or 0) >= seconds * 1000:
        raise OverBudget(wait, stopped=False)
    started = time.monotonic()
    try:
        with _deadline(settings.ADVISOR_ENGINE_SECONDS):
            return work()
    except _Stop:
        raise OverBudget(wait, stopped=True) from None
    finally:
        spent = max(1, round((time.monotonic() - started) * 1000))
        cache.add(key, 0, period + 1)
        try:
            cache.incr(key, spent)
        except ValueError:  # the window's key expired between add and incr: the charge starts the next one
            cache.set(key, spent, period + 1)


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Stop in this thread after `seconds`.

    A timer signal is the only way to stop pure Python mid-run, and signals reach the main thread only:
    gunicorn's sync workers (`make serve`) and tests run requests there; a threaded server (`make run`)
    runs them unbounded. The clock is the wall's, not the CPU's: what other requests wait for is the worker.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    expired = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        raise _Stop

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
        if expired:
            # The raise landed where Python only reports an exception and goes on (a garbage collector's
            # callback, a __del__): the run finished, but past its deadline, and is answered as stopped.
            raise _Stop
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
