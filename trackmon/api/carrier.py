"""`POST /shipments/{tracking_number}/carrier`: the API form of `trackmon carrier set`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field

from trackmon.api.auth import require_write
from trackmon.carrier_set import set_carrier
from trackmon.errors import CarrierError, ConfigError, InputError

router = APIRouter(tags=["shipments"], dependencies=[Depends(require_write)])


class CarrierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    carrier: str = Field(description="trackmon carrier name: cainiao, yunexpress, 4px, dhl-paket...")


@router.post("/shipments/{tracking_number}/carrier",
             summary="Correct the parcel's carrier at the aggregator and re-track it at the next poll")
async def post_carrier(tracking_number: str, body: CarrierIn, request: Request) -> dict[str, Any]:
    carrier_set = request.app.state.carrier_set
    if carrier_set is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "no carrier APIs are set up in this process")
    try:
        result = await set_carrier(request.app.state.engine, carrier_set, tracking_number, body.carrier,
                                   request.app.state.clock())
    except InputError as exc:
        code = status.HTTP_404_NOT_FOUND if exc.field == "number" else status.HTTP_422_UNPROCESSABLE_CONTENT
        raise HTTPException(code, str(exc)) from None
    except ConfigError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except CarrierError as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, str(exc)) from None
    return result.to_json()
