"""Benchmarks: python -m bench [night|engine|window|import|startup ...] [--quick]."""
