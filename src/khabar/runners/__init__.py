"""Runners: drive sources through the pipeline steps, count outcomes, report progress."""

from khabar.runners.local import run_analyze, run_extract
from khabar.runners.stats import RunStats

__all__ = ["RunStats", "run_analyze", "run_extract"]
