"""Incident Journal: an offline, encrypted journal for suspected recruitment attempts."""

__version__ = "0.1.0"
APP_ID = "org.incidentjournal.IncidentJournal"
APP_NAME = "Incident Journal"
