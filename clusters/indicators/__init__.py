"""Linkage indicators and lifecycle stages: plain data in, numbers out (no Django)."""
