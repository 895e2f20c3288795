"""Staff accounts: creating them, their roles and teams, and checking a password without telling who exists."""
