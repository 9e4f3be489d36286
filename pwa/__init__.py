"""Wegweiser: the help app of the Runder Tisch gegen häusliche Gewalt im Kreis Mettmann."""

__version__ = "0.1.0"
