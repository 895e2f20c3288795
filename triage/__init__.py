"""The domain and its services. No Flask here: services take a session, a clock value and stores as arguments."""
