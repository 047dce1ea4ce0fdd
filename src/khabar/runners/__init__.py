"""Runners: drive sources through the pipeline steps, count outcomes, report progress."""
