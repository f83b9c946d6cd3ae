"""Reusable widgets of the participant screens."""
