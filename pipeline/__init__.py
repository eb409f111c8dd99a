"""Dateline: a Beam pipeline that turns news articles into meeting and military-contribution events."""
