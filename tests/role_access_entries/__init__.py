"""Rows of the role table, one module per part of the service: each defines any of EXPECTED,
METHODS and SAMPLE_PATHS, with the same meaning as in tests/test_role_access.py."""
