"""Who the client is, for per-client rate limits, when proxies stand in front of the app."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXIES proxies the X-Forwarded-For entry they vouch for.

    Each proxy appends the address it received the request from, so with n trusted proxies the
    client is the n-th entry from the right; anything further left was sent by the client itself
    and proves nothing. A missing or malformed entry falls back to the connecting address.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [hop.strip() for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    forwarded = [hop for hop in forwarded if hop]
    if not forwarded:
        return remote
    candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
