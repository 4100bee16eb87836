"""Russian Post: UPU S10 numbers (…RU), recognised by the S10 rule; its label and aggregator codes."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest

MANIFEST = CarrierManifest(
    name="russian-post", label="Russian Post", kind="offline",
    codes={"17track": track17(18031, "Russian Post"), "aftership": aftership("russian-post", "Russian Post")},
)
