"""Business logic, one module per domain noun. Functions are verb-first and take the
service context first: `await send_message(ctx, user_id=..., chat_id=..., text=...)`."""
