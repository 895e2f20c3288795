"""What the municipality and the product ship as reference data: loading data/ into the database, the category tree
and its service codes, and the municipality profile.
"""
