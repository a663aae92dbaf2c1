"""The scheduler of the open window: runs on a QThread, calls services, holds no rule."""
