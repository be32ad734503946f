"""Example market simulator for marketsim actions: a moving-average crossover back-test."""
__version__ = "0.1.0"
