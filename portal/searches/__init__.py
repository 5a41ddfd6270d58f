"""Saved searches: a member's named listing or directory search, and the alerts of what is new in it."""
