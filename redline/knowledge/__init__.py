"""The knowledge redline's developers wrote from facts (data/), and the loaders that read it."""
