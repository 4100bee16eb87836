"""trackmon: watches every shipped parcel and tells the buyer before the buyer has to ask."""

__version__ = "0.1.0"
__all__ = ["__version__"]
