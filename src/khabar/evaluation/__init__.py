"""Evaluation of extraction against gold JSON, for khabar and anchor extractors."""
