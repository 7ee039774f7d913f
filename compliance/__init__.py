"""fairrecruit: fair-recruitment compliance checker (ILO General Principles and Operational Guidelines,
2019 Definition of recruitment fees and related costs, GCM Objective 6)."""

__version__ = "0.1.0"
