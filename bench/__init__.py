"""`make bench`: speed figures and the load test (`python -m bench`; not a Django app)."""
