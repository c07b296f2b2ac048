"""The app's screens; each lays out its widgets, asks the services and emits intents."""
