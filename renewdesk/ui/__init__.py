"""The desktop window: models, views, dialogs; reads and acts through services, never SQL."""
