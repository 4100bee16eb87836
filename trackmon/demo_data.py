"""The demo shop (pure data): a Shenzhen seller's orders to buyers in eight countries.

Each parcel names the journey the simulated carrier will play for it (`Scenario`) and the
day, counted from the start of the demo, when it was handed to China Post. Tracking numbers
are UPU S10 numbers with a correct check digit, so intake accepts them exactly as it
accepts a real seller's export. The first orders cover the most languages and scenarios,
so a demo limited to a few orders (`trackmon demo --orders 6`) still shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from carriers.numbers import s10_check_digit
from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError
from trackmon.simulator import Journey, Scenario, build_journey

#: Simulated days `trackmon demo` plays by default.
DEFAULT_DAYS = 42
STORE = "lotus-gadgets"
STORE_NAME = "Lotus Gadgets"
STORE_TIMEZONE = "Asia/Shanghai"
SELLER_EMAIL = "orders@lotus-gadgets.example"
SUPPORT_EMAIL = "support@lotus-gadgets.example"   # Reply-To of buyer emails
PUBLIC_BASE_URL = "https://track.lotus-gadgets.example"  # where the unsubscribe links point
LOST_POLICY = "reship"   # a lost parcel is sent again
SERIAL_BASE = 30512001


@dataclass(frozen=True, slots=True)
class DemoParcel:
    scenario: Scenario
    ship_day: float            # days after the demo start when the label was printed
    service: str = "LK"        # S10 service indicator


@dataclass(frozen=True, slots=True)
class DemoOrder:
    order_id: str
    buyer_name: str
    buyer_email: str
    language: str
    country: str
    timezone: str
    parcels: tuple[DemoParcel, ...]
    promised_days: int | None = None   # promised delivery, days after the first parcel shipped

    @property
    def split(self) -> bool:
        return len(self.parcels) > 1


def _o(order_id: str, name: str, email: str, language: str, country: str, tz: str,
       *parcels: tuple[Scenario, float], promised_days: int | None = None) -> DemoOrder:
    return DemoOrder(order_id, name, email, language, country, tz,
                     tuple(DemoParcel(s, day) for s, day in parcels), promised_days)


S = Scenario

#: The shop's orders, most instructive first.
ORDERS: tuple[DemoOrder, ...] = (
    _o("LG-1001", "Анна Смирнова", "anna.smirnova@example.ru", "ru", "RU", "Europe/Moscow", (S.delivered, 0.3)),
    _o("LG-1002", "Emily Carter", "emily.carter@example.com", "en", "US", "America/Chicago", (S.stalled, 0.5),
       promised_days=30),
    _o("LG-1003", "Lucía García", "lucia.garcia@example.es", "es", "ES", "Europe/Madrid", (S.customs_duties, 0.8)),
    _o("LG-1004", "Lukas Müller", "lukas.mueller@example.de", "de", "DE", "Europe/Berlin",
       (S.delivered, 1.0), (S.delivered, 6.5)),
    _o("LG-1005", "Ольга Кузнецова", "olga.kuznetsova@example.ru", "ru", "RU", "Asia/Novosibirsk",
       (S.pickup_waiting, 1.2)),
    _o("LG-1006", "Carmen López", "carmen.lopez@example.es", "es", "ES", "Europe/Madrid", (S.returned, 0.0)),
    _o("LG-1007", "João Silva", "joao.silva@example.com.br", "pt", "BR", "America/Sao_Paulo", (S.delivered, 1.5)),
    _o("LG-1008", "Camille Martin", "camille.martin@example.fr", "fr", "FR", "Europe/Paris", (S.pickup_waiting, 2.0)),
    _o("LG-1009", "Дмитрий Волков", "dmitry.volkov@example.ru", "ru", "RU", "Asia/Yekaterinburg",
       (S.customs_hold, 2.2)),
    _o("LG-1010", "Jacob Miller", "jacob.miller@example.com", "en", "US", "America/Los_Angeles",
       (S.delivery_failed, 2.5)),
    _o("LG-1011", "Mariana Costa", "mariana.costa@example.com.br", "pt", "BR", "America/Manaus",
       (S.stalled, 3.0)),
    _o("LG-1012", "Javier Fernández", "javier.fernandez@example.es", "es", "ES", "Atlantic/Canary",
       (S.delivered, 3.2)),
    _o("LG-1013", "Sophie Schneider", "sophie.schneider@example.de", "de", "DE", "Europe/Berlin",
       (S.customs_hold, 3.5)),
    _o("LG-1014", "Louis Bernard", "louis.bernard@example.fr", "fr", "FR", "Europe/Paris", (S.delivered, 4.0)),
    _o("LG-1015", "Ashley Johnson", "ashley.johnson@example.com", "en", "US", "America/New_York",
       (S.pickup_waiting, 4.5)),
    _o("LG-1016", "Сергей Попов", "sergey.popov@example.ru", "ru", "RU", "Europe/Moscow", (S.delivered, 5.0)),
    # Italy and Poland, large AliExpress destinations: Italian and Polish buyers end to end
    _o("LG-1017", "Giulia Rossi", "giulia.rossi@example.it", "it", "IT", "Europe/Rome", (S.pickup_waiting, 0.4)),
    _o("LG-1018", "Marco Bianchi", "marco.bianchi@example.it", "it", "IT", "Europe/Rome",
       (S.delivered, 1.1), (S.stalled, 1.6)),
    _o("LG-1019", "Agnieszka Nowak", "agnieszka.nowak@example.pl", "pl", "PL", "Europe/Warsaw",
       (S.delivery_failed, 0.6)),
    _o("LG-1020", "Piotr Kowalski", "piotr.kowalski@example.pl", "pl", "PL", "Europe/Warsaw", (S.stalled, 0.9),
       promised_days=30),
)


def tracking_number(index: int, service: str = "LK") -> str:
    """The `index`-th demo number: an S10 China Post number with its check digit."""
    serial = f"{SERIAL_BASE + index:08d}"
    return f"{service}{serial}{s10_check_digit(serial)}CN"


@dataclass(frozen=True, slots=True)
class PlannedParcel:
    order: DemoOrder
    parcel: DemoParcel
    tracking_number: str
    shipped_at: datetime


def select_orders(count: int | None = None) -> tuple[DemoOrder, ...]:
    if count is None:
        return ORDERS
    if not 1 <= count <= len(ORDERS):
        raise ConfigError(f"--orders must be between 1 and {len(ORDERS)}, got {count}", key="orders")
    return ORDERS[:count]


def plan(orders: tuple[DemoOrder, ...], start: datetime) -> list[PlannedParcel]:
    """Every parcel with its number and shipping time, in shipping order."""
    start = ensure_utc(start)
    out: list[PlannedParcel] = []
    index = 0
    for order in orders:
        for parcel in order.parcels:
            out.append(PlannedParcel(order, parcel, tracking_number(index, parcel.service),
                                     start + timedelta(days=parcel.ship_day)))
            index += 1
    return sorted(out, key=lambda p: (p.shipped_at, p.tracking_number))


def journeys(planned: list[PlannedParcel]) -> dict[str, Journey]:
    """What the simulated carrier will show for each number (the journey starts at shipping)."""
    return {p.tracking_number: build_journey(p.tracking_number, p.parcel.scenario, p.shipped_at,
                                             destination=p.order.country) for p in planned}


def intake_row(p: PlannedParcel) -> dict[str, str]:
    """The row a seller's export would have for this parcel (the intake CSV columns)."""
    order = p.order
    row = {
        "store": STORE, "order_id": order.order_id, "tracking_number": p.tracking_number,
        "buyer_email": order.buyer_email, "buyer_name": order.buyer_name, "buyer_language": order.language,
        "buyer_country": order.country, "buyer_timezone": order.timezone,
        "shipped_at": p.shipped_at.isoformat(),
    }
    if order.promised_days is not None:
        first = p.shipped_at - timedelta(days=p.parcel.ship_day - order.parcels[0].ship_day)
        row["promised_delivery"] = _date(first + timedelta(days=order.promised_days)).isoformat()
    return row


def _date(value: datetime) -> date:
    return value.date()


def scenarios(orders: tuple[DemoOrder, ...]) -> Iterator[str]:
    """Scenario names played by these orders ("split_order" for an order in several parcels)."""
    seen: set[str] = set()
    for order in orders:
        names = [p.scenario.value for p in order.parcels] + (["split_order"] if order.split else [])
        for name in names:
            if name not in seen:
                seen.add(name)
                yield name
