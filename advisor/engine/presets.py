"""The three use cases from the founding article, as ready-made assessments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final


@dataclass(frozen=True, slots=True)
class UseCase:
    slug: str
    title: str
    problem: str
    systems: tuple[str, ...]
    assessment: dict[str, Any]
    # The pattern each flow must get, in flow order: the founding article's answer.
    expected: tuple[str, ...]


USE_CASES: Final[dict[str, UseCase]] = {
    case.slug: case
    for case in (
        UseCase(
            slug="crm-ecommerce",
            title="CRM + e-commerce",
            problem=(
                "An online shop and a CRM must share customers and orders. The shop looks customers up "
                "while they check out, several systems react to every order, and the CRM sends "
                "customer segments back every night."
            ),
            systems=("Online shop", "CRM", "Email service", "Analytics"),
            assessment={
                "name": "CRM + e-commerce",
                "landscape": {"systems": 4, "teams": "few", "change_rate": "monthly", "growth": "some"},
                "flows": [
                    {
                        "name": "Customer lookup at checkout",
                        "source": "Online shop",
                        "consumers": ["CRM"],
                        "interaction": "query",
                        "latency": "immediate",
                        "volume_per_day": 20000,
                        "peak_factor": 4,
                        "delivery": "best_effort",
                    },
                    {
                        "name": "Order placed",
                        "source": "Online shop",
                        "consumers": ["CRM", "Email service", "Analytics"],
                        "interaction": "event",
                        "latency": "seconds",
                        "volume_per_day": 5000,
                        "peak_factor": 4,
                        "ordering": "per_key",
                    },
                    {
                        "name": "Nightly customer-segment export",
                        "source": "CRM",
                        "consumers": ["Online shop"],
                        "interaction": "command",
                        "latency": "hours",
                        "volume_per_day": 1,
                        "consumer_availability": "maintenance_windows",
                    },
                ],
            },
            expected=("point_to_point", "event_driven", "message_queue"),
        ),
        UseCase(
            slug="loyalty-pos",
            title="Loyalty program + point-of-sale",
            problem=(
                "Tills in many stores check a customer's loyalty balance at the counter and report every "
                "purchase. The tills lose their connection now and then, lunch brings sharp peaks, and no "
                "purchase may be lost: each till keeps what it sells until the loyalty program has it."
            ),
            systems=("Point-of-sale tills", "Loyalty program"),
            assessment={
                "name": "Loyalty program + point-of-sale",
                "landscape": {"systems": 2, "teams": "few", "platform": "any"},
                "flows": [
                    {
                        "name": "Balance check at the till",
                        "source": "Point-of-sale tills",
                        "consumers": ["Loyalty program"],
                        "interaction": "query",
                        "latency": "immediate",
                        "volume_per_day": 50000,
                        "peak_factor": 8,
                        "delivery": "best_effort",
                    },
                    {
                        "name": "Purchases from the tills",
                        "source": "Point-of-sale tills",
                        "consumers": ["Loyalty program"],
                        "interaction": "command",
                        "latency": "minutes",
                        "volume_per_day": 200000,
                        "peak_factor": 8,
                        "delivery": "no_loss",
                        "source_availability": "often_offline",
                    },
                ],
            },
            expected=("point_to_point", "message_queue"),
        ),
        UseCase(
            slug="mobile-backend",
            title="Mobile app + backend",
            problem=(
                "A mobile app loads the user's profile, shows live order status pushed to the phone, and lets "
                "people act while offline: the phone keeps their actions and sends them to the backend once it "
                "is back online."
            ),
            systems=("Mobile app", "Backend", "Order service"),
            assessment={
                "name": "Mobile app + backend",
                "landscape": {"systems": 3, "teams": "few", "growth": "some", "platform": "any"},
                "flows": [
                    {
                        "name": "Load the profile",
                        "source": "Mobile app",
                        "consumers": ["Backend"],
                        "interaction": "query",
                        "latency": "immediate",
                        "volume_per_day": 100000,
                        "peak_factor": 3,
                        "delivery": "best_effort",
                    },
                    {
                        "name": "Live order-status updates",
                        "source": "Order service",
                        "consumers": ["Mobile app"],
                        "interaction": "event",
                        "latency": "immediate",
                        "volume_per_day": 30000,
                        "peak_factor": 3,
                        "consumer_kind": "device",
                    },
                    {
                        "name": "Actions taken while offline",
                        "source": "Mobile app",
                        "consumers": ["Backend"],
                        "interaction": "command",
                        "latency": "minutes",
                        "volume_per_day": 20000,
                        "source_availability": "often_offline",
                    },
                ],
            },
            expected=("point_to_point", "event_driven", "message_queue"),
        ),
    )
}
