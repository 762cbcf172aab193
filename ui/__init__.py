"""The desktop app: every Qt widget, model and background worker lives here."""
