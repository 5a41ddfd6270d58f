"""Mentor profiles, programmes, cohorts and sessions (built by the mentoring work)."""
