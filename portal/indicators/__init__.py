"""The database side of the linkage indicators: read a cluster's records into ``clusters.indicators``'
plain data (``selectors``), compute them (``services``); periods in ``periods``."""
