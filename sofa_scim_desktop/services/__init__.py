"""Services: provisioning, synchronizations, keys, the transaction log, settings."""
