"""Tests of the directory pages."""
