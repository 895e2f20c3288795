"""What the municipality and the product ship as reference data: the data folder (DATA_DIR, data_folder.py), loading
it into the database, the category tree and its service codes, and the municipality profile.
"""
