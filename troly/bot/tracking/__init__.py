"""Deadlines the documents set (``deadlines``) and the reminders sent before them (``reminders``)."""
