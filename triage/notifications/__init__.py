"""Mail to residents and staff: what each mail says (templates per kind and language) and sending the outbox."""
