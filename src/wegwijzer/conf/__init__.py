"""Settings package: base plus one module per environment (dev, ci, production)."""
