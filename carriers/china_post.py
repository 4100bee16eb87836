"""China Post: its numbers are UPU S10 (…CN, ePacket L…CN), recognised by the S10 rule of
carriers/numbers.py; this declares its label and aggregator codes."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest

MANIFEST = CarrierManifest(
    name="china-post", label="China Post", kind="offline",
    codes={"17track": track17(3011, "China Post"), "aftership": aftership("china-post", "China Post")},
)
