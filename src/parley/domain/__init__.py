"""Plain types, enums, errors and rules with no I/O."""
