"""The portal's read-only API: cluster and alliance dashboards (the same tables as the pages)."""
