"""The cluster (and alliance) indicators dashboard: access rules, data assembly, tables and exports, pages and
the read-only API. The numbers come from ``portal.indicators`` (live for the chosen period) and its
snapshots (trends); this package only arranges, labels and guards them."""
