"""The client REST + WebSocket API: routes/ (one module per resource), deps, errors, schemas."""
