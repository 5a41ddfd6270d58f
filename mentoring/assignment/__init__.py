"""Mentor panel assignment: plain data in, seats out (no Django)."""
