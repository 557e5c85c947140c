"""The client's address for rate limits, the login throttle and the audit log.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
connection comes from a proxy the operator listed in ``TROLY_TRUSTED_PROXIES`` (addresses or
networks; none by default). Each trusted proxy appends the address it saw, so the list is read
from the right and the first address that is not a trusted proxy is the client; anything to the
left of it was written by the client and is ignored. (``troly serve`` runs uvicorn without its own
proxy-header handling so that this is the only place that decides.)
"""
from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from typing import Any

log = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED_FOR = "x-forwarded-for"


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """``"10.0.0.1"``, ``"10.0.0.0/8"``, ``"::1"``...; a malformed entry is reported and skipped."""
    out = []
    for entry in entries:
        try:
            out.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            log.warning("TROLY_TRUSTED_PROXIES: %r is not an address or network; ignored", entry)
    return tuple(out)


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in net for net in networks)


def resolve(peer: str, forwarded: Iterable[str], networks: tuple[Network, ...]) -> str:
    """The client address given the connecting ``peer`` and the ``X-Forwarded-For`` header values."""
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    client = peer
    for hop in reversed(hops):
        client = hop
        if not _trusted(hop, networks):
            break
    return client


def client_of(request: Any) -> str:
    """The client address of a Starlette request, with the app's trusted proxies."""
    peer = request.client.host if request.client else ""
    state = request.app.state
    networks = getattr(state, "trusted_networks", None)
    if networks is None:
        settings = getattr(state, "settings", None)
        networks = state.trusted_networks = parse_networks(getattr(settings, "trusted_proxies", ()) or ())
    return resolve(peer, request.headers.getlist(FORWARDED_FOR), networks)
