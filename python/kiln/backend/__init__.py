"""Compiling traced functions into engines and running them."""
