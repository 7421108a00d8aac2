"""Detection engines: the platform policy, the illegal-goods text classifier and media hash
matching. No I/O beyond reading the packaged policy, model and data; services decide."""
