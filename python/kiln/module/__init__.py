"""Modules: parameters and submodules registered by attribute assignment."""
