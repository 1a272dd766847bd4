"""The hub's API at /api/v1/: the partner intake API with the routers of the other parts."""

from hatehub.intake.api import api
from hatehub.intelligence.api import router as intelligence_router
from hatehub.platforms.api import router as platforms_router

api.add_router("/platforms/", platforms_router)
api.add_router("/intelligence/", intelligence_router)

__all__ = ["api"]
