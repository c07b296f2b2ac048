"""The touchscreen app: screens that show and ask, wired to the services in `ui.app`."""
