"""Wegwijzer: know, recognise, act on and count human trafficking in the Netherlands."""
