"""China EMS (ePacket): UPU S10 numbers (E…CN), which the S10 rule names China Post; named
here for carrier correction (`trackmon carrier set NUMBER china-ems`) and labels."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest

MANIFEST = CarrierManifest(
    name="china-ems", label="China EMS", kind="offline",
    codes={"17track": track17(3013, "China EMS"), "aftership": aftership("china-ems", "China EMS (ePacket)")},
)
