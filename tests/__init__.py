"""Tests of the Audit Trail integration."""
