"""A built-in simulated carrier: a 17TRACK v2.2-shaped HTTP stand-in on 127.0.0.1 that plays
realistic China → destination parcel journeys (for end-to-end tests, the demo and the bench)."""

from trackmon.simulator.carrier import SimStats, SimulatedCarrier, default_journey
from trackmon.simulator.clock import SimClock
from trackmon.simulator.faults import Fault, FaultKind, FaultPlan
from trackmon.simulator.journeys import (
    Journey,
    Scenario,
    SimEvent,
    build_bench_journey,
    build_journey,
    scenario_for_number,
)
from trackmon.simulator.server import RunningServer, run_in_thread, serve

__all__ = [
    "Fault", "FaultKind", "FaultPlan", "Journey", "RunningServer", "Scenario", "SimClock", "SimEvent",
    "SimStats", "SimulatedCarrier", "build_bench_journey", "build_journey", "default_journey",
    "run_in_thread", "scenario_for_number", "serve",
]
