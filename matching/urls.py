"""/listings/: the listing pages, the proposals built from them and the managers' import, one namespace."""

from .imports.urls import urlpatterns as import_urls
from .listings.urls import urlpatterns as listing_urls
from .proposals.urls import urlpatterns as proposal_urls

app_name = "listings"

urlpatterns = listing_urls + proposal_urls + import_urls
